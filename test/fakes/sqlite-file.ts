import KeyvSqlite from '@keyv/sqlite';

/** Overwrites a learner's stored text behind the bot's back (the bot is stopped: it holds the file while it runs). */
export async function writeLearnerText(file: string, key: string, text: string, namespace = 'pathbot'): Promise<void> {
  const raw = new KeyvSqlite({ uri: `sqlite://${file}` });
  try {
    await raw.query('UPDATE learner_records SET text = ? WHERE namespace = ? AND key = ?', text, namespace, key);
  } finally {
    await raw.disconnect();
  }
}
