export async function openSqliteEngine(_: unknown): Promise<never> { throw new Error('stub'); }
