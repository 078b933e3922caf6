// Issue 7, "seed-only, after the fix": a schema migration now creates "users" (IF NOT EXISTS) before the FK, and
// the old demo migration is left alone. Production gets the table from the schema migration, so the build is green
// and no stale seed-only-reference remains; the FK is in the graph.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
def fk = json.graph.foreignKeys.find { it.name == 'api_tokens_user_id_fkey' }
assert fk != null
assert fk.to == [schema: 'public', table: 'users', columns: ['id']]

def log = new File(basedir, 'build.log').text
assert !log.contains('seed-only-reference')
assert log.contains('BUILD SUCCESS')
return true
