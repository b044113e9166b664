#include "sr-error.h"

G_DEFINE_QUARK (sr-store-error-quark, sr_store_error)
G_DEFINE_QUARK (sr-rule-error-quark, sr_rule_error)
