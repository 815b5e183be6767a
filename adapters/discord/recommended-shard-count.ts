import { REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';

/**
 * Discord's recommended shard count (GET /gateway/bot). discord.js's own helper always asks
 * discord.com, so this one goes through the configured REST base (a proxy, or the test fake).
 */
export async function recommendedShardCount(options: { token: string; apiUrl?: string }): Promise<number> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return gateway.shards;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
