import { describe, expect, it } from 'vitest';
import { shardPort } from '../../src/ops/shard-port.js';

describe('the HTTP port of a shard process', () => {
  it('is PORT + the shard id, so shards on one host do not collide; 0 stays "any free port"', () => {
    expect(shardPort(3000, undefined)).toBe(3000);
    expect(shardPort(3000, [0])).toBe(3000);
    expect(shardPort(3000, [3])).toBe(3003);
    expect(shardPort(0, [3])).toBe(0);
  });

  it('says so when the sum leaves the port range', () => {
    expect(() => shardPort(65_535, [1])).toThrow('PORT 65535 + shard 1 is beyond 65535: choose a lower PORT.');
  });
});
