// The dialect comes from the flyway-maven-plugin's jdbc:mysql:// URL. INT cannot reference BIGINT UNSIGNED on InnoDB;
// MariaDB 10.11 says of the same statement: Can't create table `shop`.`orders` (errno: 150 "Foreign key constraint is
// incorrectly formed") (MariadbGraphComparisonTest applies fixtures/mysql/fk-types-bad, which holds this pair).
import groovy.json.JsonSlurper

def v2 = 'src/main/resources/db/migration/V2__orders.sql'
def fkLine = new File(basedir, v2).readLines('UTF-8').findIndexOf { it.contains('FOREIGN KEY') } + 1
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
def errors = json.findings.findAll { it.severity == 'error' }
assert errors.size() == 1 : "unexpected findings: ${json.findings}"
def finding = errors[0]
assert finding.ruleId == 'fk-type-mismatch'
assert finding.file == v2
assert finding.line == fkLine
assert finding.message.contains('orders.user_id is int but references users.id of type bigint unsigned')
assert finding.message.contains('MySQL rejects the foreign key')
assert finding.message.contains('(errno: 150 "Foreign key constraint is incorrectly formed")')
// the CREATE TABLE fails as a whole on MySQL: only users exists, and no FK
assert json.graph.tables*.name == ['users']
assert json.graph.foreignKeys.isEmpty()
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('error[fk-type-mismatch]')
return true
