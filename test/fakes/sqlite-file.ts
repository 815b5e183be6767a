import KeyvSqlite from '@keyv/sqlite';

/** Overwrites a learner's stored text behind the bot's back (the bot is stopped: it holds the file while it runs). */
export async function writeLearnerText(file: string, key: string, text: string): Promise<void> {
  const raw = new KeyvSqlite({ uri: `sqlite://${file}` });
  await raw.query('UPDATE learner_records SET text = ? WHERE namespace = ? AND key = ?', text, 'pathbot', key);
  await raw.disconnect();
}
