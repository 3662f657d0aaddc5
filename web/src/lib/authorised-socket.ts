import { io, type Socket } from 'socket.io-client';
import { session } from './session';

export interface Handshake {
  tenant: string;
  queues?: readonly string[];
}

/** The server's reason for refusing a handshake without a valid token. */
const UNAUTHORISED = 'unauthorised';

/**
 * A Socket.IO connection that authenticates with the session's current token on every (re)connect.
 * The server ends a socket whose token expired (`auth_expired`) or refuses one (`unauthorised`), and
 * Socket.IO does not reconnect by itself after either: renew the token once, then connect again; a
 * second refusal in a row ends the session (a TV: its "token no longer valid" screen).
 */
export function openAuthorisedSocket(namespace: string, handshake: Handshake): { socket: Socket; close: () => void } {
  let sentToken: string | undefined;
  let closed = false;
  let renewedSinceConnect = false;
  let expiredByServer = false;
  const socket = io(namespace, {
    transports: ['websocket'],
    auth: (send) => {
      void session.token().then((token) => {
        sentToken = token;
        send({ ...handshake, token });
      });
    },
  });

  const renewAndReconnect = async () => {
    renewedSinceConnect = true;
    const token = await session.renew(sentToken);
    if (token && !closed) socket.connect();
  };

  socket.on('connect', () => {
    renewedSinceConnect = false;
    expiredByServer = false;
  });
  socket.on('auth_expired', () => {
    expiredByServer = true;
  });
  // The server disconnects right after auth_expired; reconnecting before that would be undone by it.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && expiredByServer && !closed) void renewAndReconnect();
  });
  socket.on('connect_error', (error) => {
    if (error.message !== UNAUTHORISED || socket.active || closed) return;
    if (renewedSinceConnect) session.expire();
    else void renewAndReconnect();
  });

  return {
    socket,
    close: () => {
      closed = true;
      socket.close();
    },
  };
}
