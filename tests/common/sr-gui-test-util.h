/* sr-gui-test-util.h — what GUI tests do as a person would: run the main loop until
 * idle, find a widget by the text a person sees, type into it, click it, and see
 * whether an error message shows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       sr_gui_test_spin_idle  (void);
/* A mapped row title, button label (mnemonics ignored), label or entry placeholder
 * equal to @text. */
GtkWidget *sr_gui_test_find       (GtkWidget  *root,
                                   const char *text);
void       sr_gui_test_type       (GtkWidget  *root,
                                   const char *title,
                                   const char *text);
void       sr_gui_test_click      (GtkWidget  *root,
                                   const char *label);
gboolean   sr_gui_test_has_error  (GtkWidget  *root);

G_END_DECLS
