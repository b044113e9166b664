/* sr-form.h — a small modal form: rows of fields, Cancel and a save button. When saving
 * fails the form stays open with the message and everything typed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SR_TYPE_FORM (sr_form_get_type ())
G_DECLARE_FINAL_TYPE (SrForm, sr_form, SR, FORM, AdwWindow)

typedef gboolean (*SrFormSaveFunc) (SrForm   *form,
                                    gpointer  user_data,
                                    GError  **error);

SrForm     *sr_form_new           (GtkWidget          *parent,
                                   const char         *title,
                                   const char         *save_label);
void        sr_form_add_group     (SrForm             *self,
                                   const char         *title,
                                   const char         *description);
GtkWidget  *sr_form_add_entry     (SrForm             *self,
                                   const char         *id,
                                   const char         *title,
                                   const char         *initial);
GtkWidget  *sr_form_add_password  (SrForm             *self,
                                   const char         *id,
                                   const char         *title);
GtkWidget  *sr_form_add_check     (SrForm             *self,
                                   const char         *id,
                                   const char         *title,
                                   const char         *subtitle,
                                   gboolean            active);
GtkWidget  *sr_form_add_spin      (SrForm             *self,
                                   const char         *id,
                                   const char         *title,
                                   int                 min,
                                   int                 max,
                                   int                 value);
GtkWidget  *sr_form_add_choice    (SrForm             *self,
                                   const char         *id,
                                   const char         *title,
                                   const char * const *items,
                                   guint               selected);
void        sr_form_add_widget    (SrForm             *self,
                                   GtkWidget          *widget);
void        sr_form_set_message   (SrForm             *self,
                                   const char         *message);
/* A line of information (not an error) above the fields. */
void        sr_form_set_info      (SrForm             *self,
                                   const char         *info);

const char *sr_form_get_text      (SrForm             *self,
                                   const char         *id);
gboolean    sr_form_get_active    (SrForm             *self,
                                   const char         *id);
int         sr_form_get_int       (SrForm             *self,
                                   const char         *id);
guint       sr_form_get_selected  (SrForm             *self,
                                   const char         *id);
/* Makes a widget the caller built (inside sr_form_add_widget) readable by id. */
void        sr_form_register_field (SrForm            *self,
                                   const char         *id,
                                   GtkWidget          *widget);
GtkWidget  *sr_form_get_field     (SrForm             *self,
                                   const char         *id);

/* Shows the form; @save runs on the save button (and Enter). TRUE closes the form. */
void        sr_form_run           (SrForm             *self,
                                   SrFormSaveFunc      save,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy);

G_END_DECLS
