// Deliberate layer violation: views must not include importers (self-test).
#include "importers/common/import_types.h"
