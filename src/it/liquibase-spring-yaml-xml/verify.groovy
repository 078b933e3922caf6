// Liquibase runs the includes in order: 002-orders.xml adds an FK to products, which only 003-products.xml creates.
// The finding names the changelog file and the line of the addForeignKeyConstraint change.
import groovy.json.JsonSlurper

def file = 'src/main/resources/db/changelog/changes/002-orders.xml'
def line = new File(basedir, file).readLines('UTF-8').findIndexOf { it.contains('constraintName="fk_orders_product"') }
// the change starts on the line before its constraintName attribute
assert line > 0
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.stats.histories == ['src/main/resources/db/changelog/db.changelog-master.yaml (Liquibase)']
assert json.findings.size() == 1 : "unexpected findings: ${json.findings}"
def finding = json.findings[0]
assert finding.ruleId == 'missing-reference-target'
assert finding.file == file
assert finding.line == line
assert finding.message.contains('products')
def fk = json.graph.foreignKeys.find { it.name == 'fk_orders_customer' }
assert fk.file == file && fk.to.table == 'customers'
def log = new File(basedir, 'build.log').text
assert log.contains("${file}:${line}")
return true
