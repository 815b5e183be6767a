import type { RawData } from 'ws';

/** A WebSocket frame as text (ws hands over a Buffer, an ArrayBuffer or Buffer fragments). */
export function websocketText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}
