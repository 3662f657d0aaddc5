import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = join(__dirname, '..', '..', 'kafka-mock', 'mock_cluster.py');

/** Kafka protocol API keys, for injecting request errors. */
export const ApiKey = { Produce: 0, Fetch: 1, OffsetCommit: 8, OffsetFetch: 9, JoinGroup: 11, Heartbeat: 12, SyncGroup: 14 } as const;

export interface KafkaMockCluster {
  brokers: string[];
  createTopic(topic: string, partitions: number): Promise<void>;
  setBrokerDown(brokerId: number): Promise<void>;
  setBrokerUp(brokerId: number): Promise<void>;
  pushRequestErrors(apiKey: number, errorCodes: number[]): Promise<void>;
  /** Delays the broker's responses (the request itself is handled at once), e.g. past a client's request timeout. */
  setRtt(brokerId: number, ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts librdkafka's mock cluster (real Kafka wire protocol) in a python3 process of its own:
 * loaded inside Node, librdkafka clashes with Node's OpenSSL (DESIGN.md "Test infrastructure").
 */
export async function startKafkaMockCluster(brokerCount = 3): Promise<KafkaMockCluster> {
  const child = spawn('python3', [SCRIPT, String(brokerCount)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const pending: Array<(line: string) => void> = [];
  lines.on('line', (line) => pending.shift()?.(line));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`Kafka mock cluster exited (${code}): ${stderr}`));
      child.once('exit', onExit);
      pending.push((line) => {
        child.off('exit', onExit);
        resolve(line);
      });
    });

  const ready = JSON.parse(await nextLine()) as { bootstrap: string };
  const send = async (command: Record<string, unknown>) => {
    const reply = nextLine();
    child.stdin.write(JSON.stringify(command) + '\n');
    const answer = JSON.parse(await reply) as { ok: boolean; error?: string };
    if (!answer.ok) throw new Error(`Kafka mock cluster: ${answer.error}`);
  };
  return {
    brokers: ready.bootstrap.split(','),
    createTopic: (topic, partitions) => send({ op: 'create_topic', topic, partitions }),
    setBrokerDown: (broker) => send({ op: 'broker_down', broker }),
    setBrokerUp: (broker) => send({ op: 'broker_up', broker }),
    pushRequestErrors: (apiKey, errors) => send({ op: 'push_request_errors', apiKey, errors }),
    setRtt: (broker, ms) => send({ op: 'set_rtt', broker, ms }),
    stop: () => stopProcess(child),
  };
}

function stopProcess(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin.end(); // the cluster lives until its stdin closes
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}
