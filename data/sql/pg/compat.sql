-- compat: on a PostgreSQL server, the few SQLite functions Salesroom's SQL uses, under the
-- names the store's translation gives them (src/core/sr-sql-pg.c). Days are TEXT
-- 'YYYY-MM-DD', moments BIGINT UTC seconds, as on SQLite; 'localtime' is the session's
-- TimeZone, which the store sets to the PC's own zone when it connects.

-- A moment, given as SQLite's date functions take it: a day or a date and time as text, or
-- a number of seconds with the modifier 'unixepoch'; then the modifiers, in order.
CREATE FUNCTION sr_moment (v text, mods text[]) RETURNS timestamp
LANGUAGE plpgsql STABLE AS $$
DECLARE
  t timestamp;
  m text;
  n int;
BEGIN
  IF v IS NULL THEN
    RETURN NULL;
  END IF;
  IF mods IS NOT NULL AND array_length (mods, 1) >= 1 AND lower (mods[1]) = 'unixepoch' THEN
    IF v !~ '^\s*-?[0-9]+(\.[0-9]*)?\s*$' THEN
      RETURN NULL;
    END IF;
    t := to_timestamp (v::double precision) AT TIME ZONE 'UTC';
  ELSIF lower (v) = 'now' THEN
    t := now () AT TIME ZONE 'UTC';
  ELSIF v ~ '^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?\s*$' THEN
    BEGIN
      t := v::timestamp;
    EXCEPTION WHEN others THEN
      RETURN NULL;
    END;
  ELSE
    RETURN NULL;
  END IF;
  IF mods IS NULL THEN
    RETURN t;
  END IF;
  FOREACH m IN ARRAY mods LOOP
    m := lower (trim (m));
    IF m = 'unixepoch' THEN
      NULL;
    ELSIF m = 'localtime' THEN
      t := (t AT TIME ZONE 'UTC') AT TIME ZONE current_setting ('TimeZone');
    ELSIF m = 'utc' THEN
      t := (t AT TIME ZONE current_setting ('TimeZone')) AT TIME ZONE 'UTC';
    ELSIF m = 'start of day' THEN
      t := date_trunc ('day', t);
    ELSIF m = 'start of month' THEN
      t := date_trunc ('month', t);
    ELSIF m = 'start of year' THEN
      t := date_trunc ('year', t);
    ELSIF m ~ '^weekday [0-6]$' THEN
      n := substr (m, 9)::int;
      t := t + make_interval (days => ((n - extract (dow FROM t)::int) + 7) % 7);
    ELSIF m ~ '^[+-]?\s*[0-9]+(\.[0-9]+)?\s+(second|minute|hour|day|month|year)s?$' THEN
      t := t + m::interval;
    ELSE
      RAISE EXCEPTION 'date modifier % is not understood', m;
    END IF;
  END LOOP;
  RETURN t;
END;
$$;

CREATE FUNCTION sr_date (v text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v, NULL), 'YYYY-MM-DD') $$;
CREATE FUNCTION sr_date (v text, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v, mods), 'YYYY-MM-DD') $$;
CREATE FUNCTION sr_date (v bigint, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v::text, mods), 'YYYY-MM-DD') $$;
CREATE FUNCTION sr_datetime (v text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v, NULL), 'YYYY-MM-DD HH24:MI:SS') $$;
CREATE FUNCTION sr_datetime (v text, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v, mods), 'YYYY-MM-DD HH24:MI:SS') $$;
CREATE FUNCTION sr_datetime (v bigint, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT to_char (sr_moment (v::text, mods), 'YYYY-MM-DD HH24:MI:SS') $$;

CREATE FUNCTION sr_julian (t timestamp) RETURNS double precision LANGUAGE sql IMMUTABLE
  AS $$ SELECT extract (epoch FROM t)::double precision / 86400.0 + 2440587.5 $$;
CREATE FUNCTION sr_julianday (v text) RETURNS double precision LANGUAGE sql STABLE
  AS $$ SELECT sr_julian (sr_moment (v, NULL)) $$;
CREATE FUNCTION sr_julianday (v text, VARIADIC mods text[]) RETURNS double precision
  LANGUAGE sql STABLE AS $$ SELECT sr_julian (sr_moment (v, mods)) $$;
CREATE FUNCTION sr_julianday (v bigint, VARIADIC mods text[]) RETURNS double precision
  LANGUAGE sql STABLE AS $$ SELECT sr_julian (sr_moment (v::text, mods)) $$;

-- strftime: the conversions Salesroom uses (%Y %m %d %H %M %S %w %j %s %%).
CREATE FUNCTION sr_format (fmt text, t timestamp) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  out text := '';
  i int := 1;
  c text;
BEGIN
  IF t IS NULL OR fmt IS NULL THEN
    RETURN NULL;
  END IF;
  WHILE i <= length (fmt) LOOP
    c := substr (fmt, i, 1);
    IF c = '%' AND i < length (fmt) THEN
      i := i + 1;
      c := substr (fmt, i, 1);
      out := out || CASE c
        WHEN 'Y' THEN to_char (t, 'YYYY')
        WHEN 'm' THEN to_char (t, 'MM')
        WHEN 'd' THEN to_char (t, 'DD')
        WHEN 'H' THEN to_char (t, 'HH24')
        WHEN 'M' THEN to_char (t, 'MI')
        WHEN 'S' THEN to_char (t, 'SS')
        WHEN 'w' THEN extract (dow FROM t)::text
        WHEN 'j' THEN to_char (t, 'DDD')
        WHEN 's' THEN extract (epoch FROM t)::bigint::text
        WHEN '%' THEN '%'
        ELSE '%' || c END;
    ELSE
      out := out || c;
    END IF;
    i := i + 1;
  END LOOP;
  RETURN out;
END;
$$;
CREATE FUNCTION sr_strftime (fmt text, v text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT sr_format (fmt, sr_moment (v, NULL)) $$;
CREATE FUNCTION sr_strftime (fmt text, v text, VARIADIC mods text[]) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT sr_format (fmt, sr_moment (v, mods)) $$;
CREATE FUNCTION sr_strftime (fmt text, v bigint, VARIADIC mods text[]) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT sr_format (fmt, sr_moment (v::text, mods)) $$;

-- total (x): SQLite's sum that is 0.0, not NULL, over no rows.
CREATE AGGREGATE sr_total (double precision) (
  SFUNC = float8pl, STYPE = double precision, INITCOND = '0');

-- sum: SQLite's, whose sum of integers is an integer (PostgreSQL's is numeric, and a
-- division after it would keep the fraction), and which counts a true condition as 1.
CREATE AGGREGATE sr_sum (bigint) (SFUNC = int8pl, STYPE = bigint);
CREATE AGGREGATE sr_sum (double precision) (SFUNC = float8pl, STYPE = double precision);
CREATE AGGREGATE sr_sum (numeric) (SFUNC = numeric_add, STYPE = numeric);
CREATE FUNCTION sr_add_bool (acc bigint, b boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN b IS NULL THEN acc ELSE coalesce (acc, 0) + b::int END $$;
CREATE AGGREGATE sr_sum (boolean) (SFUNC = sr_add_bool, STYPE = bigint);

-- Whatever is written, every PC hears of it (LISTEN salesroom) when it commits: the
-- audit row every change writes says so.
CREATE FUNCTION sr_notify_change () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify ('salesroom', '');
  RETURN NULL;
END;
$$;

-- The rule that a trigger of SQLite's says with RAISE (ABORT, …).
CREATE FUNCTION sr_refuse () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;

-- json_each (a JSON list): its elements. Salesroom passes lists of ids.
CREATE FUNCTION sr_json_each (j text) RETURNS TABLE (value bigint) LANGUAGE sql IMMUTABLE
  AS $$ SELECT e::bigint FROM json_array_elements_text (j::json) AS e $$;

-- json_valid (text): 1 when the text is JSON.
CREATE FUNCTION sr_json_valid (t text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM t::json;
  RETURN 1;
EXCEPTION WHEN others THEN
  RETURN 0;
END;
$$;
