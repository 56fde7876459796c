ALTER TABLE "import_batches" ALTER COLUMN "payload" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "import_batches" ALTER COLUMN "payload" SET STORAGE EXTERNAL;--> statement-breakpoint
-- People batches keep their rows as lines (src/server/imports/importers/people.ts): one row per
-- line, fields separated by tabs, empty = null, '%', tab, newline and CR in the name escaped.
UPDATE "import_batches" b SET "payload" = coalesce((
  SELECT string_agg(concat_ws(E'\t',
    replace(replace(replace(replace(r->>'name', '%', '%25'), E'\t', '%09'), E'\n', '%0A'), E'\r', '%0D'),
    r->>'gender', r->>'birthYear', r->>'idNumberEnc', r->>'idNumberHash', r->>'idNumberMasked',
    coalesce(r->>'phoneEnc', ''), coalesce(r->>'phoneHash', ''), coalesce(r->>'phoneMasked', ''),
    r->>'unitId', coalesce(r->>'tradeId', ''), coalesce(r->>'level', ''),
    CASE WHEN coalesce((r->>'frontLine')::boolean, true) THEN 't' ELSE 'f' END, coalesce(r->>'yearsInTrade', '')
  ), E'\n' ORDER BY e.n)
  FROM jsonb_array_elements(b."payload"::jsonb) WITH ORDINALITY AS e(r, n)
), '')
WHERE b."kind" = 'people';
