/* sr-gui-test-util.c — see sr-gui-test-util.h. */
#include "config.h"

#include "sr-gui-test-util.h"

void
sr_gui_test_spin_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Finds a widget under @root by the text a person sees: a row title, a button label
 * (mnemonic underscores ignored) or a label. */
GtkWidget *
sr_gui_test_find (GtkWidget  *root,
      const char *text)
{
  const char *seen = NULL;
  g_autofree char *plain = NULL;

  if (ADW_IS_PREFERENCES_ROW (root))
    seen = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
  else if (GTK_IS_BUTTON (root))
    seen = gtk_button_get_label (GTK_BUTTON (root));
  else if (GTK_IS_LABEL (root))
    seen = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_ENTRY (root))
    seen = gtk_entry_get_placeholder_text (GTK_ENTRY (root));
  if (seen != NULL)
    {
      GString *s = g_string_new (NULL);
      for (const char *p = seen; *p; p++)
        if (*p != '_')
          g_string_append_c (s, *p);
      plain = g_string_free (s, FALSE);
      if (g_strcmp0 (plain, text) == 0 && gtk_widget_get_mapped (root))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = sr_gui_test_find (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
sr_gui_test_type (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = sr_gui_test_find (root, title);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
sr_gui_test_click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = sr_gui_test_find (root, label);
  g_assert_nonnull (button);
  if (!GTK_IS_BUTTON (button))
    button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sr_gui_test_spin_idle ();
}

gboolean
sr_gui_test_has_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error") &&
      gtk_widget_get_mapped (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (sr_gui_test_has_error (c))
      return TRUE;
  return FALSE;
}

