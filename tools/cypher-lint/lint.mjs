// Lint Cypher with Neo4j's own parser (@neo4j-cypher/language-support), as Neo4j 5 Cypher.
// stdin:  JSON array of {"name": string, "query": string}
// stdout: JSON array of {"name", "statements": n, "diagnostics": [{"severity", "message", "line", "character", "start", "end"}]}
// severity follows LSP: 1 error, 2 warning, 3 information, 4 hint.
// "Parameter $x is not defined." is dropped: our queries take parameters at run time.
import { lintCypherQuery, isNotParamError, parseStatementsStrs } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const language = process.env.CYPHER_LANGUAGE || 'CYPHER 5';

const results = items.map(({ name, query }) => {
  const { diagnostics } = lintCypherQuery(query, { defaultLanguage: language });
  return {
    name,
    statements: parseStatementsStrs(query).filter((s) => s.trim() !== '').length,
    diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line,
      character: d.range.start.character,
      start: d.offsets.start,
      end: d.offsets.end,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
