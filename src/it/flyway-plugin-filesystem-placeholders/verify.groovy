// The plugin's filesystem: location is the history and its placeholders are replaced: the FKs to ${schema}.accounts
// and ${schema}.invoices resolve to billing.*, and only V3's FK to a table V4 creates later is reported.
import groovy.json.JsonSlurper

def v3 = 'database/flyway/V3__payments.sql'
def fkLine = new File(basedir, v3).readLines('UTF-8').findIndexOf { it.contains('payment_methods') } + 1
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.stats.histories == ['database/flyway (Flyway)']
assert json.findings.size() == 1 : "unexpected findings: ${json.findings}"
def finding = json.findings[0]
assert finding.ruleId == 'missing-reference-target'
assert finding.file == v3
assert finding.line == fkLine
assert finding.message.contains('V4__payment_methods.sql')
assert json.graph.tables.every { it.schema == 'billing' }
// V3 fails on PostgreSQL as a whole (its FK target is missing), so only V2's FK is in the schema
assert json.graph.foreignKeys*.to*.schema == ['billing']
assert json.graph.foreignKeys*.to*.table == ['accounts']
return true
