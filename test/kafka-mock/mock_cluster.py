#!/usr/bin/env python3
"""A Kafka-protocol mock cluster (librdkafka's), run in its own process.

librdkafka cannot be loaded inside Node (OpenSSL symbol clash), so tests start this script
and talk to it over stdin/stdout, one JSON object per line:

  stdout, once ready:  {"bootstrap": "127.0.0.1:p1,127.0.0.1:p2,..."}
  stdin commands:      {"op": "create_topic", "topic": "t", "partitions": 6}
                       {"op": "broker_down", "broker": 1} / {"op": "broker_up", "broker": 1}
                       {"op": "push_request_errors", "apiKey": 0, "errors": [6, 6]}
                       {"op": "clear_request_errors", "apiKey": 0}
                       {"op": "set_rtt", "broker": 1, "ms": 500}
  stdout replies:      {"ok": true} or {"ok": false, "error": "..."}

The cluster lives until stdin closes, so it never outlives the test process that started it.
"""
import ctypes
import json
import sys

BROKER_COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 3

lib = ctypes.CDLL("librdkafka.so.1")
lib.rd_kafka_conf_new.restype = ctypes.c_void_p
lib.rd_kafka_conf_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_new.restype = ctypes.c_void_p
lib.rd_kafka_new.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_mock_cluster_new.restype = ctypes.c_void_p
lib.rd_kafka_mock_cluster_new.argtypes = [ctypes.c_void_p, ctypes.c_int]
lib.rd_kafka_mock_cluster_bootstraps.restype = ctypes.c_char_p
lib.rd_kafka_mock_cluster_bootstraps.argtypes = [ctypes.c_void_p]
lib.rd_kafka_mock_topic_create.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
lib.rd_kafka_mock_broker_set_down.argtypes = [ctypes.c_void_p, ctypes.c_int32]
lib.rd_kafka_mock_broker_set_up.argtypes = [ctypes.c_void_p, ctypes.c_int32]
lib.rd_kafka_mock_broker_set_rtt.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int]
lib.rd_kafka_mock_push_request_errors_array.argtypes = [ctypes.c_void_p, ctypes.c_int16, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int)]
lib.rd_kafka_mock_clear_request_errors.argtypes = [ctypes.c_void_p, ctypes.c_int16]
lib.rd_kafka_err2str.restype = ctypes.c_char_p
lib.rd_kafka_err2str.argtypes = [ctypes.c_int]

errstr = ctypes.create_string_buffer(512)
conf = lib.rd_kafka_conf_new()
lib.rd_kafka_conf_set(conf, b"log_level", b"3", errstr, len(errstr))
handle = lib.rd_kafka_new(0, conf, errstr, len(errstr))
if not handle:
    sys.exit("rd_kafka_new failed: " + errstr.value.decode())
cluster = lib.rd_kafka_mock_cluster_new(handle, BROKER_COUNT)
if not cluster:
    sys.exit("rd_kafka_mock_cluster_new failed")


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def check(code):
    if code != 0:
        raise RuntimeError(lib.rd_kafka_err2str(code).decode())


def run(command):
    op = command["op"]
    if op == "create_topic":
        check(lib.rd_kafka_mock_topic_create(cluster, command["topic"].encode(), command.get("partitions", 1), command.get("replication", 1)))
    elif op == "broker_down":
        check(lib.rd_kafka_mock_broker_set_down(cluster, command["broker"]))
    elif op == "broker_up":
        check(lib.rd_kafka_mock_broker_set_up(cluster, command["broker"]))
    elif op == "set_rtt":
        check(lib.rd_kafka_mock_broker_set_rtt(cluster, command["broker"], command["ms"]))
    elif op == "push_request_errors":
        errors = command["errors"]
        lib.rd_kafka_mock_push_request_errors_array(cluster, command["apiKey"], len(errors), (ctypes.c_int * len(errors))(*errors))
    elif op == "clear_request_errors":
        lib.rd_kafka_mock_clear_request_errors(cluster, command["apiKey"])
    else:
        raise RuntimeError("unknown op " + op)


reply({"bootstrap": lib.rd_kafka_mock_cluster_bootstraps(cluster).decode()})
for line in sys.stdin:
    if not line.strip():
        continue
    try:
        run(json.loads(line))
        reply({"ok": True})
    except Exception as error:  # report and keep serving: one bad command must not kill the cluster
        reply({"ok": False, "error": str(error)})
# Skip rd_kafka_destroy: it waits for the mock's threads, and the process is ending anyway.
