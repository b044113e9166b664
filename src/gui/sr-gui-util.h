/* sr-gui-util.h — small helpers the screens share. */
#pragma once

#include <adwaita.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

/* Returns a newly allocated cell text for @item (a row object of the list). */
typedef char *(*SrCellTextFunc) (gpointer item);

/* Adds a column of plain labels to @view; @numeric right-aligns with tabular digits. */
GtkColumnViewColumn *sr_column_view_add_text (GtkColumnView  *view,
                                              const char     *title,
                                              SrCellTextFunc  func,
                                              gboolean        numeric,
                                              gboolean        expand);
/* Rows a page's list builds at most: a row costs a few milliseconds to build and a large
 * office has hundreds or thousands; the list's title counts them all. */
#define SR_ROWS_SHOWN 50

/* When @n > SR_ROWS_SHOWN, says in @group's description which are shown and how to reach
 * the others (@format and its arguments, usually SR_ROWS_SHOWN itself). */
void                 sr_group_say_shown       (GtkWidget      *group,
                                               guint           n,
                                               const char     *format,
                                               ...) G_GNUC_PRINTF (3, 4);
/* Lines of a title and a dim subtitle, in a list view that makes rows only for what is on
 * screen (thousands of lines at no cost): a store of GtkStringObject whose string is the
 * line's whole text (filter on it); append with sr_lines_append. The view comes in a
 * scrollable clamp (set its maximum size) to put straight in a GtkScrolledWindow;
 * @subtitle_lines > 0 cuts subtitles to that many lines, the whole in a tooltip. */
void                 sr_lines_append          (GListStore     *store,
                                               const char     *title,
                                               const char     *subtitle);
GtkWidget           *sr_lines_view_new        (GListModel     *lines,
                                               int             subtitle_lines);
/* A GListStore filled from a GPtrArray of GObjects. */
GListStore          *sr_list_store_from_array (GType           type,
                                              GPtrArray      *rows);
/* A record's own window (a customer, a unit): transient for @parent's window, a header bar
 * over a scroller. Keeps a reference on @ctx as data "ctx" and the scroller as data
 * "scroller"; the caller fills the scroller and refills it when the record changes. */
/* The local path a file chooser's response chose, or NULL (cancelled, or not a local file). */
char                *sr_chooser_path          (GtkNativeDialog *dialog,
                                               int              response);
GtkWidget           *sr_record_window_new     (GtkWidget      *parent,
                                              SrContext      *ctx,
                                              int             width,
                                              int             height);
/* Fills a record window with @fill now and again whenever a core call changes one of
 * @tables (space-separated), for as long as the window lives. */
void                 sr_record_window_watch   (GtkWidget      *window,
                                              const char     *tables,
                                              void          (*fill) (GtkWidget *window));
/* A vertical box with a toolbar of buttons on top of @child. */
GtkWidget           *sr_toolbar_view_new      (GtkWidget     **out_toolbar,
                                              GtkWidget      *child);
GtkWidget           *sr_toolbar_add_button    (GtkWidget      *toolbar,
                                              const char     *icon_name,
                                              const char     *label,
                                              const char     *action_name);
/* A page title for a section: big label and a dimmed line under it. */
GtkWidget           *sr_section_header_new    (const char     *title,
                                              const char     *subtitle);

/* A card of figures: a header row, then rows added one by one; the first column is text,
 * the others right-aligned numbers. */
GtkWidget           *sr_figure_table_new      (const char * const *heads);
/* @cells has as many entries as the header; @bold for a total, @dim for a quiet row. */
void                 sr_figure_table_add_row  (GtkWidget          *table,
                                              const char * const *cells,
                                              gboolean            bold,
                                              gboolean            dim);

/* A page read when it is shown, not at sign-in: @reload runs on the first showing, and
 * after sr_page_refresh at once if the page is on screen, else when it is next shown. */
void                 sr_page_set_reload       (GtkWidget      *page,
                                              void          (*reload) (gpointer data),
                                              gpointer        data);
void                 sr_page_refresh          (GtkWidget      *page);

/* The application's settings; NULL when their schema is nowhere to be found. */
GSettings           *sr_settings_load         (void);

G_END_DECLS
