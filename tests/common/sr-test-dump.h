/* sr-test-dump.h — every row of every table of a database, as one checksum, read through
 * a connection of its own: "did this change nothing?" in one comparison. */
#pragma once

#include <glib.h>

char *sr_test_dump (const char *path);
