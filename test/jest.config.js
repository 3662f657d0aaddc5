// Real-engine tests: chdb and a Kafka-protocol broker per suite, so generous timeouts.
module.exports = require('../jest.preset.js')(__dirname, { testTimeout: 120_000, maxWorkers: 2 });
