// The dialect comes from the flyway-maven-plugin's jdbc:mariadb:// URL. MariaDB 10.5+ makes a real foreign key of a
// column's inline REFERENCES (MariadbGraphComparisonTest shows it on fixtures/mysql/inline-reference-*): no finding,
// and the FK is in the graph under InnoDB's name.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings.findAll { it.severity == 'error' }.isEmpty() : "unexpected findings: ${json.findings}"
assert json.graph.foreignKeys.size() == 1
def fk = json.graph.foreignKeys[0]
assert fk.from.table == 'books'
assert fk.from.columns == ['author_id']
assert fk.to.table == 'authors'
assert fk.to.columns == ['id']
assert fk.name == 'books_ibfk_1'
return true
