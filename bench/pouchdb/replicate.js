// The peer of the first sync (issue 15): PouchDB replicating the same records, from one
// PouchDB on disk (LevelDB) into an empty one, in one Node process: the CouchDB protocol
// without HTTP and without encryption. Reads the records as JSON lines (the wire form of
// sync.protocol.Record) and prints one JSON line per replication.
'use strict';
const fs = require('fs');
const path = require('path');
const PouchDB = require('pouchdb');

async function main() {
  const [recordsFile, folder, pageSize] = process.argv.slice(2);
  const batch = Number(pageSize);
  const RUNS = [
    ['default options', {}],
    // The page size of the laptop's own pull, so that batching is not what differs.
    [`batch_size ${batch}`, { batch_size: batch }],
  ];
  const docs = fs.readFileSync(recordsFile, 'utf8').split('\n').filter(Boolean).map((line) => {
    const record = JSON.parse(line);
    return { ...record, _id: record.id };
  });
  const source = new PouchDB(path.join(folder, 'source'));
  for (let i = 0; i < docs.length; i += 1000) {
    await source.bulkDocs(docs.slice(i, i + 1000));
  }
  for (const [index, [name, options]] of RUNS.entries()) {
    const target = new PouchDB(path.join(folder, `target-${index}`));
    const started = process.hrtime.bigint();
    const result = await PouchDB.replicate(source, target, options);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ name, docs: result.docs_written, seconds }));
    await target.destroy();
  }
  await source.destroy();
}

main().catch((error) => {
  console.error(error && error.message ? error.message : String(error));
  process.exit(1);
});
