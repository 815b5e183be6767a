// Run by loopback-only.test.ts as a started process: tries to leave the machine and says what happened.
import { connect } from 'node:net';

connect({ host: '192.0.2.1', port: 80 })
  .on('connect', () => process.exit(0))
  .on('error', (error) => {
    console.log(error.message);
    process.exit(3);
  });
