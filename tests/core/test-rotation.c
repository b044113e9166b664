/* The rotation (轮序接待) as a pure function: day order + events in, queue out.
 * Cases are written from seed 003's wording and PRODUCT.md rules 1–8.
 *
 * Events are written as tokens; people are letters (A = staff 1, B = 2, …):
 *   +A arrive   -A leave    pA skip personal   oA skip objective (busy)   bA back
 *   aA absent at the turn   nA new customer    rA returning customer of A
 *   RA returning customer by A's own appointment   xA non-business   cAB A covers for B
 *   tA out of turn   vA overflow from the other group   u3 undo the 3rd event
 * The expected queue lists who waits, next first; "." for nobody. */
#include "config.h"

#include <locale.h>

#include "core/sr-rotation.h"

typedef struct {
  const char *name;
  const char *order;
  const char *events;
  const char *queue;   /* expected waiting line */
  guint round;
} Case;

static GArray *
parse_events (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " ", -1);
  GArray *events = g_array_new (FALSE, TRUE, sizeof (SrRotationEvent));
  gint64 id = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];
      SrRotationEvent e = { 0 };

      if (*t == '\0')
        continue;
      e.id = ++id;
      if (t[0] == 'u')
        {
          e.kind = SR_ROTATION_UNDO;
          e.other_id = g_ascii_strtoll (t + 1, NULL, 10);
          g_array_append_val (events, e);
          continue;
        }
      g_assert_true (t[1] >= 'A' && t[1] <= 'Z');
      e.staff_id = t[1] - 'A' + 1;
      switch (t[0])
        {
        case '+': e.kind = SR_ROTATION_ARRIVE; break;
        case '-': e.kind = SR_ROTATION_LEAVE; break;
        case 'p': e.kind = SR_ROTATION_SKIP_PERSONAL; break;
        case 'o': e.kind = SR_ROTATION_SKIP_OBJECTIVE; break;
        case 'b': e.kind = SR_ROTATION_BACK; break;
        case 'a': e.kind = SR_ROTATION_ABSENT; break;
        case 'n': e.kind = SR_ROTATION_RECEIVE_NEW; break;
        case 'r': e.kind = SR_ROTATION_RECEIVE_RETURNING; break;
        case 'R': e.kind = SR_ROTATION_RECEIVE_RETURNING; e.by_appointment = TRUE; break;
        case 'x': e.kind = SR_ROTATION_NON_BUSINESS; break;
        case 'c': e.kind = SR_ROTATION_COVER; e.other_id = t[2] - 'A' + 1; break;
        case 't': e.kind = SR_ROTATION_OUT_OF_TURN; break;
        case 'v': e.kind = SR_ROTATION_OVERFLOW; break;
        default: g_error ("bad token %s", t);
        }
      g_array_append_val (events, e);
    }
  return events;
}

static char *
queue_text (const SrRotationState *state)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < state->queue->len; i++)
    g_string_append_c (s, (char) ('A' + g_array_index (state->queue, gint64, i) - 1));
  if (s->len == 0)
    g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static SrRotationState *
fold (const char *order_text,
      const char *events_text)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) events = parse_events (events_text);

  for (const char *p = order_text; *p; p++)
    {
      gint64 id = *p - 'A' + 1;
      g_array_append_val (order, id);
    }
  return sr_rotation_fold ((gint64 *) order->data, order->len,
                           (SrRotationEvent *) events->data, events->len);
}

static const Case cases[] = {
  /* Nobody, one person. */
  { "nobody-present", "ABC", "", ".", 0 },
  { "nobody-present-after-leaving", "AB", "+A +B -A -B", ".", 1 },
  { "one-person-takes-every-turn", "ABC", "+B nB nB", "B", 3 },

  /* Rule 1: the first of the day's order who has not had a formal turn. */
  { "r1-first-in-order", "ABCD", "+A +B +C +D", "ABCD", 1 },
  { "r1-arrival-order-does-not-matter", "ABCD", "+D +B +A +C", "ABCD", 1 },
  { "r1-next-after-a-turn", "ABCD", "+A +B +C +D nA", "BCD", 1 },
  { "r1-round-wraps", "ABC", "+A +B +C nA nB nC", "ABC", 2 },
  { "r1-round-wraps-twice", "ABC", "+A +B +C nA nB nC nA nB nC nA", "BC", 3 },
  { "r1-late-arrival-joins-round", "ABCD", "+A +B +C nA nB +D", "CD", 1 },
  { "r1-not-arrived-not-in-line", "ABCD", "+A +C", "AC", 1 },

  /* Rule 2: any formal reception uses the receiver's turn. */
  { "r2-formal-uses-turn", "ABC", "+A +B +C nA", "BC", 1 },
  { "r2-receiver-out-of-order", "ABC", "+A +B +C nB", "AC", 1 },
  { "r2-all-formal-new-round", "AB", "+A +B nA nB nA", "B", 2 },

  /* Rule 3: non-business and covering use no turn: the receiver stays first. */
  { "r3-non-business-stays-first", "ABC", "+A +B +C xA", "ABC", 1 },
  { "r3-two-non-business", "ABC", "+A +B +C xA xA nA", "BC", 1 },
  { "r3-cover-stays-first", "ABC", "+A +B +C cAC", "ABC", 1 },

  /* Rule 4: a returning customer of X goes to X; the person in line keeps the turn;
   * for X it is a formal reception, unless by X's own appointment. */
  { "r4-returning-keeps-line", "ABC", "+A +B +C rC", "AB", 1 },
  { "r4-returning-counts-for-owner", "ABC", "+A +B +C nA rB", "C", 1 },
  { "r4-returning-by-appointment-no-turn", "ABC", "+A +B +C RC", "ABC", 1 },
  { "r4-owner-out-line-covers", "ABC", "+A +B cAC", "AB", 1 },

  /* Rule 5: skip for a personal reason: out for the rest of this round, back next. */
  { "r5-personal-skip-out-this-round", "ABC", "+A +B +C pA", "BC", 1 },
  { "r5-back-in-order-next-round", "ABC", "+A +B +C pA nB nC", "ABC", 2 },
  { "r5-two-skips-one-round", "ABCD", "+A +B +C +D pA pC nB", "D", 1 },

  /* Rule 6: objective skip (busy): out until back, then inserted before those waiting. */
  { "r6-busy-out-of-line", "ABC", "+A +B +C oA", "BC", 1 },
  { "r6-back-inserted-first", "ABCD", "+A +B +C +D oA nB bA", "ACD", 1 },
  { "r6-back-before-others-waiting", "ABCD", "+A +B +C +D oB nA bB", "BCD", 1 },
  { "r6-round-ends-without-busy", "ABC", "+A +B +C oC nA nB", "AB", 2 },
  { "r6-back-after-round-inserted", "ABC", "+A +B +C oC nA nB bC", "CAB", 2 },

  /* Rule 7: not at the desk at the turn: the next takes it; the absent one goes to the end. */
  { "r7-absent-to-end", "ABCD", "+A +B +C +D aA", "BCDA", 1 },
  { "r7-absent-then-served-last", "ABC", "+A +B +C aA nB nC", "A", 1 },
  { "r7-absent-comes-back-next-round-in-order", "ABC", "+A +B +C aA nB nC nA", "ABC", 2 },
  { "r7-two-absent-keep-their-order", "ABCD", "+A +B +C +D aA aB", "CDAB", 1 },

  /* Rule 8: overflow counts as a turn in the taker's group; out of turn is formal. */
  { "r8-overflow-uses-turn", "ABC", "+A +B +C vA", "BC", 1 },
  { "r8-out-of-turn-uses-takers-turn", "ABC", "+A +B +C tC", "AB", 1 },
  { "r8-out-of-turn-then-round", "ABC", "+A +B +C tC nA nB", "ABC", 2 },

  /* Undo: a reversing event, never an edit of history. */
  { "undo-reception", "ABC", "+A +B +C nA u4", "ABC", 1 },
  { "undo-of-undo-restores", "ABC", "+A +B +C nA u4 u5", "BC", 1 },
  { "undo-skip", "ABC", "+A +B +C pB u4", "ABC", 1 },

  /* Mixed days. */
  { "mixed-cover-then-returning", "ABCD", "+A +B +C +D nA cBD rD nB", "C", 1 },
  { "mixed-absent-comes-back-same-round", "ABC", "+A +B +C aA nB aC nA", "C", 1 },
  { "mixed-leave-mid-round", "ABCD", "+A +B +C +D nA -B", "CD", 1 },
  { "mixed-leave-ends-round", "ABC", "+A +B +C nA nB -C", "AB", 2 },
  { "mixed-busy-and-personal", "ABCD", "+A +B +C +D oA pB nC nD", "BCD", 2 },
  { "mixed-busy-back-new-round", "ABCD", "+A +B +C +D oA pB nC nD bA nA", "BCD", 2 },
  { "mixed-nonbusiness-absent", "ABC", "+A +B +C xA aA xB nB", "CA", 1 },
  { "mixed-returning-appointment-then-new", "AB", "+A +B RB nA nB", "AB", 2 },
  { "mixed-late-whole-day", "ABCDE", "+A +B nA nB nA +E +C", "BCE", 2 },
  { "mixed-overflow-and-skip", "ABC", "+A +B +C vB pA nC", "ABC", 2 },
  { "mixed-undo-absent", "ABC", "+A +B +C aA u4 nA", "BC", 1 },
  { "mixed-everyone-busy", "AB", "+A +B oA oB", ".", 1 },
  { "mixed-all-left", "AB", "+A +B nA -A -B", ".", 1 },
  { "mixed-three-rounds", "ABC", "+A +B +C nA nB nC pA nB nC nA nB", "C", 3 },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(SrRotationState) state = fold (c->order, c->events);
  g_autofree char *queue = queue_text (state);

  g_test_message ("%s: order %s, events %s", c->name, c->order, c->events);
  g_assert_cmpstr (queue, ==, c->queue);
  g_assert_cmpuint (state->round, ==, c->round);
  if (state->queue->len > 0)
    g_assert_cmpint (state->next, ==, g_array_index (state->queue, gint64, 0));
  else
    g_assert_cmpint (state->next, ==, 0);
}

static void
test_person_states_and_counts (void)
{
  g_autoptr(SrRotationState) s = fold ("ABCDE", "+A +B +C +D nA pB oC cDA xD rA aD");
  const SrRotationPerson *a = sr_rotation_state_find (s, 1);
  const SrRotationPerson *b = sr_rotation_state_find (s, 2);
  const SrRotationPerson *c = sr_rotation_state_find (s, 3);
  const SrRotationPerson *d = sr_rotation_state_find (s, 4);
  const SrRotationPerson *e = sr_rotation_state_find (s, 5);

  g_assert_cmpint (a->state, ==, SR_ROTATION_SERVED);
  g_assert_cmpuint (a->formal_receptions, ==, 2);  /* new + own returning */
  g_assert_cmpuint (a->returning, ==, 1);
  g_assert_cmpint (b->state, ==, SR_ROTATION_SKIPPED_PERSONAL);
  g_assert_cmpint (c->state, ==, SR_ROTATION_BUSY);
  g_assert_cmpint (d->state, ==, SR_ROTATION_WAITING);
  g_assert_true (d->moved_to_end);
  g_assert_cmpint (d->queue_position, ==, 0);      /* the only one waiting */
  g_assert_cmpuint (d->covers, ==, 1);
  g_assert_cmpuint (d->non_business, ==, 1);
  g_assert_cmpuint (d->formal_receptions, ==, 0);
  g_assert_cmpint (e->state, ==, SR_ROTATION_NOT_ARRIVED);
  g_assert_null (sr_rotation_state_find (s, 99));
}

static void
test_someone_outside_the_order (void)
{
  /* A person not in the supervisor's order who arrives lines up after it. */
  g_autoptr(SrRotationState) s = fold ("AB", "+F +A +B");
  g_autofree char *queue = queue_text (s);
  g_assert_cmpstr (queue, ==, "ABF");
}

static void
test_codes (void)
{
  for (guint k = 0; k < SR_N_ROTATION_EVENT_KINDS; k++)
    {
      SrRotationEventKind back;
      g_assert_true (sr_rotation_event_kind_from_code (sr_rotation_event_kind_get_code (k), &back));
      g_assert_cmpint (back, ==, k);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rotation/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/rotation/person-states-and-counts", test_person_states_and_counts);
  g_test_add_func ("/rotation/someone-outside-the-order", test_someone_outside_the_order);
  g_test_add_func ("/rotation/codes", test_codes);
  return g_test_run ();
}
