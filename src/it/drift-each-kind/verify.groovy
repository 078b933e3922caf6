// A database changed by hand with one drift of each kind: drift reports each once, where it is (at the migration
// that creates the thing, or at database:<schema>.<table> for what only the database has), and the build fails.
// The server setup.groovy started is stopped first, whatever follows.
import groovy.json.JsonSlurper

def DriftPostgres = evaluate(new File(itSourceDirectory, 'drift-postgres.groovy'))
DriftPostgres.newInstance(basedir, 55492).stop()
assert !new File(basedir, 'target/postgres/data/postmaster.pid').exists() : 'PostgreSQL is still running'

def shop = 'supabase/migrations/20240501000000_shop.sql'
def orderItems = 'supabase/migrations/20240502000000_order_items.sql'
def reviews = 'supabase/migrations/20240503000000_reviews.sql'
// "file:line:column" of the first `token` on the first line of `file` that contains `lineText` (1-based)
def at = { String file, String lineText, String token ->
    def lines = new File(basedir, file).readLines('UTF-8')
    def index = lines.findIndexOf { it.contains(lineText) }
    assert index >= 0 : "${lineText} not in ${file}"
    "${file}:${index + 1}:${lines[index].indexOf(token) + 1}".toString()
}
def where = { f -> f.line ? "${f.file}:${f.line}:${f.column}".toString() : f.file }

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/drift/refguard.json'))
def found = json.findings.collect { "${it.ruleId} @ ${where(it)}".toString() }
assert found.sort() == [
        'drift-table-not-in-migrations @ database:public.audit_log',
        'drift-column-not-in-migrations @ database:public.orders.discount',
        'drift-key-not-in-migrations @ database:public.products',
        'drift-missing-in-database @ ' + at(shop, 'create table public.archive', 'public.archive'),
        'drift-fk-differs @ ' + at(orderItems, 'product_id integer', 'public.products'),
        'drift-column-type-differs @ ' + at(shop, 'create table public.orders', 'public.orders'),
        'drift-applied-migration-missing @ database:supabase_migrations.schema_migrations',
        'drift-migration-not-applied @ ' + reviews,
].sort()
// each rule once
assert json.findings*.ruleId.countBy { it }.values().every { it == 1 }
assert json.findings.find { it.ruleId == 'drift-migration-not-applied' }.severity == 'warning'
assert json.findings.findAll { it.ruleId != 'drift-migration-not-applied' }.every { it.severity == 'error' }
def messages = json.findings*.message.join('\n')
assert messages.contains('table audit_log is in the database, but no migration creates it')
assert messages.contains('column orders.discount (numeric) is in the database, but no migration adds it')
assert messages.contains('references legacy_products(id) in the database, but products(id) in the migrations')
assert messages.contains('column orders.amount is bigint in the database, but integer in the migrations')
assert messages.contains('migration 20240502120000 is recorded as applied')
assert messages.contains('migration 20240503000000_reviews.sql has no row')

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: reading the catalogue of jdbc:postgresql://127.0.0.1:55492/drift_each_kind (read only)')
assert log.contains('findings: 7 errors, 1 warning')
assert log.contains('BUILD FAILURE')
assert log.contains('refguard: 7 findings at or above error')
return true
