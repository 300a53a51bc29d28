// Deliberate layer violation: the layer-rule check must reject this tree (self-test).
#include "importers/jaeger/jaeger_json_importer.h"
#include <QWidget>
