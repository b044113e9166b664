/* sr-rotation.c — the rotation fold. See sr-rotation.h; the rules are numbered as in
 * PRODUCT.md "The rotation". */
#include "config.h"

#include "sr-rotation.h"

static const char *codes[SR_N_ROTATION_EVENT_KINDS] = {
  [SR_ROTATION_ARRIVE] = "arrive",
  [SR_ROTATION_LEAVE] = "leave",
  [SR_ROTATION_SKIP_PERSONAL] = "skip-personal",
  [SR_ROTATION_SKIP_OBJECTIVE] = "skip-objective",
  [SR_ROTATION_BACK] = "back",
  [SR_ROTATION_ABSENT] = "absent",
  [SR_ROTATION_RECEIVE_NEW] = "receive-new",
  [SR_ROTATION_RECEIVE_RETURNING] = "receive-returning",
  [SR_ROTATION_NON_BUSINESS] = "non-business",
  [SR_ROTATION_COVER] = "cover",
  [SR_ROTATION_OUT_OF_TURN] = "out-of-turn",
  [SR_ROTATION_OVERFLOW] = "overflow",
  [SR_ROTATION_UNDO] = "undo",
};

const char *
sr_rotation_event_kind_get_code (SrRotationEventKind kind)
{
  g_return_val_if_fail (kind < SR_N_ROTATION_EVENT_KINDS, NULL);
  return codes[kind];
}

gboolean
sr_rotation_event_kind_from_code (const char          *code,
                                  SrRotationEventKind *out_kind)
{
  for (guint i = 0; i < SR_N_ROTATION_EVENT_KINDS; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      {
        *out_kind = (SrRotationEventKind) i;
        return TRUE;
      }
  return FALSE;
}

/* Working state of one person during the fold. */
typedef struct {
  gint64 staff_id;
  guint order_index;
  gboolean is_present;
  gboolean has_left;
  gboolean is_busy;          /* objective skip */
  gboolean had_turn;         /* formal turn or personal skip in this round */
  gboolean skipped_personal;
  guint absent_seq;          /* > 0: moved to the end of this round, in this order */
  guint inserted_seq;        /* > 0: back from busy, inserted before those waiting */
  guint formal, returning, non_business, covers;
} Member;

typedef struct {
  GArray *members;  /* Member */
  guint round;
  guint seq;
} Fold;

static Member *
member (Fold   *fold,
        gint64  staff_id,
        gboolean add)
{
  for (guint i = 0; i < fold->members->len; i++)
    {
      Member *m = &g_array_index (fold->members, Member, i);
      if (m->staff_id == staff_id)
        return m;
    }
  if (!add || staff_id <= 0)
    return NULL;
  {
    /* Someone not in the day's order: they line up after it. */
    Member m = { 0 };
    m.staff_id = staff_id;
    m.order_index = fold->members->len;
    g_array_append_val (fold->members, m);
    return &g_array_index (fold->members, Member, fold->members->len - 1);
  }
}

static gboolean
is_waiting (const Member *m)
{
  return m->is_present && !m->has_left && !m->is_busy && !m->had_turn;
}

static gboolean
can_take_turns (const Member *m)
{
  return m->is_present && !m->has_left && !m->is_busy;
}

/* A round ends when every present person not on an objective skip has had a turn
 * (rule 1); the next starts in the day's order. */
static void
maybe_new_round (Fold *fold)
{
  gboolean anyone = FALSE;

  for (guint i = 0; i < fold->members->len; i++)
    {
      Member *m = &g_array_index (fold->members, Member, i);
      if (is_waiting (m))
        return;
      if (can_take_turns (m))
        anyone = TRUE;
    }
  if (!anyone)
    return;
  fold->round++;
  for (guint i = 0; i < fold->members->len; i++)
    {
      Member *m = &g_array_index (fold->members, Member, i);
      m->had_turn = FALSE;
      m->skipped_personal = FALSE;
      m->absent_seq = 0;
      m->inserted_seq = 0;
    }
}

static int
compare_waiting (gconstpointer a,
                 gconstpointer b)
{
  const Member *x = *(const Member * const *) a;
  const Member *y = *(const Member * const *) b;
  /* Inserted (back from busy) first, in the order they came back; then the day's order;
   * those absent at their turn last, in the order they were passed over. */
  int rank_x = x->absent_seq > 0 ? 2 : x->inserted_seq > 0 ? 0 : 1;
  int rank_y = y->absent_seq > 0 ? 2 : y->inserted_seq > 0 ? 0 : 1;

  if (rank_x != rank_y)
    return rank_x - rank_y;
  if (rank_x == 0)
    return (int) x->inserted_seq - (int) y->inserted_seq;
  if (rank_x == 2)
    return (int) x->absent_seq - (int) y->absent_seq;
  return (int) x->order_index - (int) y->order_index;
}

static void
take_turn (Fold   *fold,
           Member *m)
{
  if (m == NULL)
    return;
  m->had_turn = TRUE;
  m->absent_seq = 0;
  m->inserted_seq = 0;
}

static void
apply (Fold                  *fold,
       const SrRotationEvent *e)
{
  Member *m = member (fold, e->staff_id, e->kind == SR_ROTATION_ARRIVE);

  switch (e->kind)
    {
    case SR_ROTATION_ARRIVE:
      m->is_present = TRUE;
      m->has_left = FALSE;
      if (fold->round == 0)
        fold->round = 1;
      break;
    case SR_ROTATION_LEAVE:
      if (m != NULL)
        m->has_left = TRUE;
      break;
    case SR_ROTATION_SKIP_PERSONAL:           /* rule 5 */
      if (m != NULL && !m->had_turn)
        {
          take_turn (fold, m);
          m->skipped_personal = TRUE;
        }
      break;
    case SR_ROTATION_SKIP_OBJECTIVE:          /* rule 6 */
      if (m != NULL)
        {
          m->is_busy = TRUE;
          m->inserted_seq = 0;
        }
      break;
    case SR_ROTATION_BACK:                    /* rule 6: 插入当轮 */
      if (m != NULL && m->is_busy)
        {
          m->is_busy = FALSE;
          if (!m->had_turn)
            m->inserted_seq = ++fold->seq;
        }
      break;
    case SR_ROTATION_ABSENT:                  /* rule 7 */
      if (m != NULL && is_waiting (m))
        {
          m->absent_seq = ++fold->seq;
          m->inserted_seq = 0;
        }
      break;
    case SR_ROTATION_RECEIVE_NEW:             /* rules 1, 2 */
    case SR_ROTATION_OUT_OF_TURN:             /* rule 8: a formal reception for the taker */
    case SR_ROTATION_OVERFLOW:                /* rule 8: a turn in the taker's own group */
      if (m != NULL)
        {
          m->formal++;
          take_turn (fold, m);
        }
      break;
    case SR_ROTATION_RECEIVE_RETURNING:       /* rule 4 */
      if (m != NULL)
        {
          m->returning++;
          if (!e->by_appointment)
            {
              m->formal++;
              take_turn (fold, m);
            }
        }
      break;
    case SR_ROTATION_NON_BUSINESS:            /* rule 3 */
      if (m != NULL)
        m->non_business++;
      break;
    case SR_ROTATION_COVER:                   /* rules 3, 4 */
      if (m != NULL)
        m->covers++;
      break;
    case SR_ROTATION_UNDO:
    case SR_N_ROTATION_EVENT_KINDS:
      break;
    }
  maybe_new_round (fold);
}

SrRotationState *
sr_rotation_fold (const gint64          *order,
                  guint                  n_order,
                  const SrRotationEvent *events,
                  guint                  n_events)
{
  g_autoptr(GHashTable) cancelled = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  SrRotationState *state = g_new0 (SrRotationState, 1);
  Fold fold = { g_array_new (FALSE, TRUE, sizeof (Member)), 0, 0 };

  for (guint i = 0; i < n_order; i++)
    member (&fold, order[i], TRUE);

  /* An undo cancels its target unless the undo itself was undone: decide from the end. */
  for (guint i = n_events; i-- > 0;)
    if (events[i].kind == SR_ROTATION_UNDO &&
        !g_hash_table_contains (cancelled, &events[i].id))
      g_hash_table_add (cancelled, (gpointer) &events[i].other_id);

  for (guint i = 0; i < n_events; i++)
    if (events[i].kind != SR_ROTATION_UNDO && !g_hash_table_contains (cancelled, &events[i].id))
      apply (&fold, &events[i]);

  state->round = fold.round;
  state->people = g_array_new (FALSE, TRUE, sizeof (SrRotationPerson));
  state->queue = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fold.members->len; i++)
    {
      Member *m = &g_array_index (fold.members, Member, i);
      if (is_waiting (m))
        g_ptr_array_add (waiting, m);
    }
  g_ptr_array_sort (waiting, compare_waiting);
  for (guint i = 0; i < waiting->len; i++)
    g_array_append_val (state->queue, ((Member *) g_ptr_array_index (waiting, i))->staff_id);
  state->next = state->queue->len > 0 ? g_array_index (state->queue, gint64, 0) : 0;

  for (guint i = 0; i < fold.members->len; i++)
    {
      Member *m = &g_array_index (fold.members, Member, i);
      SrRotationPerson p = { 0 };

      p.staff_id = m->staff_id;
      p.queue_position = -1;
      if (!m->is_present)
        p.state = SR_ROTATION_NOT_ARRIVED;
      else if (m->has_left)
        p.state = SR_ROTATION_LEFT;
      else if (m->is_busy)
        p.state = SR_ROTATION_BUSY;
      else if (m->skipped_personal)
        p.state = SR_ROTATION_SKIPPED_PERSONAL;
      else if (m->had_turn)
        p.state = SR_ROTATION_SERVED;
      else
        p.state = SR_ROTATION_WAITING;
      for (guint q = 0; q < state->queue->len; q++)
        if (g_array_index (state->queue, gint64, q) == m->staff_id)
          p.queue_position = (int) q;
      p.moved_to_end = m->absent_seq > 0 && p.state == SR_ROTATION_WAITING;
      p.formal_receptions = m->formal;
      p.returning = m->returning;
      p.non_business = m->non_business;
      p.covers = m->covers;
      g_array_append_val (state->people, p);
    }
  g_array_unref (fold.members);
  return state;
}

const SrRotationPerson *
sr_rotation_state_find (const SrRotationState *state,
                        gint64                 staff_id)
{
  for (guint i = 0; i < state->people->len; i++)
    if (g_array_index (state->people, SrRotationPerson, i).staff_id == staff_id)
      return &g_array_index (state->people, SrRotationPerson, i);
  return NULL;
}

void
sr_rotation_state_free (SrRotationState *state)
{
  if (state == NULL)
    return;
  g_array_unref (state->people);
  g_array_unref (state->queue);
  g_free (state);
}
