// A database the history was applied to exactly: drift compares it and finds nothing, the build passes. The server
// setup.groovy started is stopped first, whatever follows.
import groovy.json.JsonSlurper

def DriftPostgres = evaluate(new File(itSourceDirectory, 'drift-postgres.groovy'))
DriftPostgres.newInstance(basedir, 55491).stop()
assert !new File(basedir, 'target/postgres/data/postmaster.pid').exists() : 'PostgreSQL is still running'

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: reading the catalogue of jdbc:postgresql://127.0.0.1:55491/drift_clean (read only)')
assert log.contains('findings: 0 errors, 0 warnings, 0 info')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/drift/refguard.json'))
assert json.findings == []
// the comparison covered the whole history: every table and FK of the three files was there to compare
assert json.graph.tables*.name.sort() == ['authors', 'books', 'readers', 'reviews', 'shelves']
assert json.stats.foreignKeys == 5
return true
