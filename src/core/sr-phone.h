/* sr-phone.h — phone numbers as the office types them: normalised to digits, checked,
 * and masked for those who may not see them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "+86 138-1234-5678" → "13812345678"; "(021) 6234 5678" → "02162345678".
 * A mobile is 11 digits 1[3-9]…; a landline starts with its area code (0 and 2–3 digits).
 * Anything else is refused with a message (never silently fixed). */
char     *sr_phone_normalise  (const char  *input,
                               GError     **error);
gboolean  sr_phone_is_mobile  (const char  *normalised);
/* 138****5678: the first three and the last four digits. */
char     *sr_phone_mask       (const char  *normalised);

G_END_DECLS
