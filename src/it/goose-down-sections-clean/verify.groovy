// goose runs only the Up sections, in version order; the Down sections that drop every table never reach the model.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
assert json.stats.histories == ['migrations (goose)']
assert json.graph.tables*.name.sort() == ['customers', 'order_lines', 'orders']
assert json.graph.foreignKeys.size() == 2
return true
