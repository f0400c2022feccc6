package sqlstore

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"github.com/egret-events/egret"
)

// The watcher's memory (egret.FeedState) and the Sources view's
// activity (egret.FeedActivity), on the tables of migrations/0002.

var (
	_ egret.FeedState    = (*Store)(nil)
	_ egret.FeedActivity = (*Store)(nil)
)

// timeLayout keeps times as fixed-width UTC text with microseconds, so
// they sort as text in both databases.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// packUints keeps a MinHash signature or band keys as base64 of their
// little-endian bytes: one column, the same in both databases.
func packUints[T uint32 | uint64](vs []T) string {
	if len(vs) == 0 {
		return ""
	}
	var w int
	switch any(vs[0]).(type) {
	case uint32:
		w = 4
	default:
		w = 8
	}
	b := make([]byte, 0, w*len(vs))
	for _, v := range vs {
		if w == 4 {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		} else {
			b = binary.LittleEndian.AppendUint64(b, uint64(v))
		}
	}
	return base64.RawStdEncoding.EncodeToString(b)
}

func unpackUints[T uint32 | uint64](s string) ([]T, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, err
	}
	var zero T
	w := 8
	if _, ok := any(zero).(uint32); ok {
		w = 4
	}
	if len(b)%w != 0 {
		return nil, errors.New("packed integers of a wrong length")
	}
	out := make([]T, len(b)/w)
	for i := range out {
		if w == 4 {
			out[i] = T(binary.LittleEndian.Uint32(b[i*4:]))
		} else {
			out[i] = T(binary.LittleEndian.Uint64(b[i*8:]))
		}
	}
	return out, nil
}

var feedColumns = []string{"url", "outlet", "etag", "last_modified", "last_poll", "last_success", "last_error", "failures", "next_due", "last_new", "total_items"}

// FeedStatus returns what is known about a feed; ENOTFOUND if nothing.
func (s *Store) FeedStatus(ctx context.Context, url string) (egret.FeedStatus, error) {
	q := NewQuery(s.d)
	all, err := s.feedStatuses(ctx, ` WHERE url = `+q.Arg(url), q)
	if err != nil {
		return egret.FeedStatus{}, err
	}
	if len(all) == 0 {
		return egret.FeedStatus{}, egret.Errorf(egret.ENOTFOUND, "feed %s was never polled", url)
	}
	return all[0], nil
}

// FeedStatuses returns every feed's status, by URL.
func (s *Store) FeedStatuses(ctx context.Context) ([]egret.FeedStatus, error) {
	return s.feedStatuses(ctx, ` ORDER BY url`, NewQuery(s.d))
}

func (s *Store) feedStatuses(ctx context.Context, tail string, q *Query) ([]egret.FeedStatus, error) {
	rows, err := s.db.Query(ctx, `SELECT `+strings.Join(feedColumns, ", ")+` FROM feeds`+tail, q.Args()...)
	if err != nil {
		return nil, s.errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []egret.FeedStatus
	for rows.Next() {
		var st egret.FeedStatus
		var poll, success, due string
		if err := rows.Scan(&st.URL, &st.Outlet, &st.ETag, &st.LastModified, &poll, &success, &st.LastError, &st.Failures, &due,
			&st.LastNew, &st.TotalItems); err != nil {
			return nil, s.errorf("feeds: %w", err)
		}
		st.LastPoll, st.LastSuccess, st.NextDue = parseTime(poll), parseTime(success), parseTime(due)
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("feeds: %w", err)
	}
	return out, nil
}

// PutFeedStatus stores a feed's status, replacing the previous one.
func (s *Store) PutFeedStatus(ctx context.Context, st egret.FeedStatus) error {
	row := []any{st.URL, st.Outlet, st.ETag, st.LastModified, formatTime(st.LastPoll), formatTime(st.LastSuccess), st.LastError,
		st.Failures, formatTime(st.NextDue), st.LastNew, st.TotalItems}
	err := s.db.Write(ctx, func(tx Querier) error {
		return s.d.Insert(ctx, tx, Insert{Table: "feeds", Columns: feedColumns, Rows: [][]any{row}, Conflict: upsert("url", feedColumns)})
	})
	if err != nil {
		return s.errorf("feed %s: %w", st.URL, err)
	}
	return nil
}

// upsert is the ON CONFLICT clause replacing every column but the key.
func upsert(key string, cols []string) string {
	var set []string
	for _, c := range cols {
		if c != key {
			set = append(set, c+" = excluded."+c)
		}
	}
	return " ON CONFLICT (" + key + ") DO UPDATE SET " + strings.Join(set, ", ")
}

var itemColumns = []string{"url", "page_url", "feed", "outlet", "kind", "doc_id", "similarity", "skip_reason", "attempts", "title",
	"content_hash", "minhash", "bands", "feed_hash", "etag", "last_modified", "published", "first_seen", "last_seen"}

// PutItem stores an item, replacing the one with the same URL, and
// indexes its bands when it is an original: in one transaction, so the
// near-duplicate index never answers for a text an item no longer has.
func (s *Store) PutItem(ctx context.Context, it egret.FeedItem) error {
	row := []any{it.URL, it.PageURL, it.Feed, it.Outlet, it.Kind, it.DocID, it.Similarity, it.SkipReason, it.Attempts, it.Title,
		it.ContentHash, packUints(it.MinHash), packUints(it.Bands), it.FeedHash, it.ETag, it.LastModified,
		formatTime(it.Published), formatTime(it.FirstSeen), formatTime(it.LastSeen)}
	err := s.db.Write(ctx, func(tx Querier) error {
		if err := s.d.Insert(ctx, tx, Insert{Table: "feed_items", Columns: itemColumns, Rows: [][]any{row}, Conflict: upsert("url", itemColumns)}); err != nil {
			return err
		}
		q := NewQuery(s.d)
		if err := tx.Exec(ctx, `DELETE FROM feed_bands WHERE url = `+q.Arg(it.URL), q.Args()...); err != nil {
			return err
		}
		if it.Kind != egret.ItemOriginal {
			return nil
		}
		bands := make([][]any, len(it.Bands))
		for i, b := range it.Bands {
			bands[i] = []any{int64(b), it.URL}
		}
		return s.d.Insert(ctx, tx, Insert{Table: "feed_bands", Columns: []string{"band", "url"}, Rows: bands, Conflict: ` ON CONFLICT DO NOTHING`})
	})
	if err != nil {
		return s.errorf("item %s: %w", it.URL, err)
	}
	return nil
}

// items returns the items a statement's WHERE (and ORDER) tail selects.
func (s *Store) items(ctx context.Context, tail string, q *Query) ([]egret.FeedItem, error) {
	rows, err := s.db.Query(ctx, `SELECT `+strings.Join(itemColumns, ", ")+` FROM feed_items `+tail, q.Args()...)
	if err != nil {
		return nil, s.errorf("items: %w", err)
	}
	defer rows.Close()
	var out []egret.FeedItem
	for rows.Next() {
		var it egret.FeedItem
		var minhash, bands, published, first, last string
		if err := rows.Scan(&it.URL, &it.PageURL, &it.Feed, &it.Outlet, &it.Kind, &it.DocID, &it.Similarity, &it.SkipReason, &it.Attempts,
			&it.Title, &it.ContentHash, &minhash, &bands, &it.FeedHash, &it.ETag, &it.LastModified, &published, &first, &last); err != nil {
			return nil, s.errorf("items: %w", err)
		}
		if it.MinHash, err = unpackUints[uint32](minhash); err != nil {
			return nil, s.errorf("item %s: minhash: %w", it.URL, err)
		}
		if it.Bands, err = unpackUints[uint64](bands); err != nil {
			return nil, s.errorf("item %s: bands: %w", it.URL, err)
		}
		it.Published, it.FirstSeen, it.LastSeen = parseTime(published), parseTime(first), parseTime(last)
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("items: %w", err)
	}
	return out, nil
}

// item returns the first item selected, or ENOTFOUND naming what.
func (s *Store) item(ctx context.Context, tail string, q *Query, what string) (egret.FeedItem, error) {
	its, err := s.items(ctx, tail+` LIMIT 1`, q)
	if err != nil {
		return egret.FeedItem{}, err
	}
	if len(its) == 0 {
		return egret.FeedItem{}, egret.Errorf(egret.ENOTFOUND, "no %s", what)
	}
	return its[0], nil
}

// Item returns the item with this canonical URL; ENOTFOUND if none.
func (s *Store) Item(ctx context.Context, url string) (egret.FeedItem, error) {
	q := NewQuery(s.d)
	return s.item(ctx, `WHERE url = `+q.Arg(url), q, "item "+url)
}

// OriginalByHash returns the first original item with this text.
func (s *Store) OriginalByHash(ctx context.Context, hash string) (egret.FeedItem, error) {
	q := NewQuery(s.d)
	return s.item(ctx, `WHERE kind = `+q.Arg(egret.ItemOriginal)+` AND content_hash = `+q.Arg(hash)+` ORDER BY first_seen, url`, q, "original with text "+hash)
}

// OriginalByPage returns the first original item whose page declared
// this canonical URL.
func (s *Store) OriginalByPage(ctx context.Context, pageURL string) (egret.FeedItem, error) {
	q := NewQuery(s.d)
	return s.item(ctx, `WHERE kind = `+q.Arg(egret.ItemOriginal)+` AND page_url = `+q.Arg(pageURL)+` ORDER BY first_seen, url`, q, "original of page "+pageURL)
}

// SimilarOriginals returns the originals sharing a band key with bands.
func (s *Store) SimilarOriginals(ctx context.Context, bands []uint64) ([]egret.FeedItem, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	keys := make([]any, len(bands))
	for i, b := range bands {
		keys[i] = int64(b)
	}
	q := NewQuery(s.d)
	return s.items(ctx, `WHERE url IN (SELECT url FROM feed_bands WHERE band IN `+q.In(keys)+`) AND kind = `+q.Arg(egret.ItemOriginal)+` ORDER BY first_seen, url`, q)
}

// ItemsForDoc returns every item linked to a document, the original
// first, then by first sight: its provenance.
func (s *Store) ItemsForDoc(ctx context.Context, docID string) ([]egret.FeedItem, error) {
	if docID == "" {
		return nil, nil
	}
	q := NewQuery(s.d)
	return s.items(ctx, `WHERE doc_id = `+q.Arg(docID)+` ORDER BY CASE WHEN kind = `+q.Arg(egret.ItemOriginal)+` THEN 0 ELSE 1 END, first_seen, url`, q)
}

// FeedEvents returns, by feed URL, the events of the documents stored
// since that time (by ingested_at) whose original item the feed listed.
func (s *Store) FeedEvents(ctx context.Context, since time.Time) (map[string]int64, error) {
	q := NewQuery(s.d)
	rows, err := s.db.Query(ctx, `SELECT i.feed, count(e.id) FROM documents d
		JOIN feed_items i ON i.doc_id = d.id AND i.kind = `+q.Arg(egret.ItemOriginal)+`
		JOIN events e ON e.doc_id = d.id
		WHERE d.ingested_at >= `+q.Arg(since.UTC().Format(time.RFC3339))+` GROUP BY i.feed`, q.Args()...)
	if err != nil {
		return nil, s.errorf("events by feed: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var feed string
		var n int64
		if err := rows.Scan(&feed, &n); err != nil {
			return nil, s.errorf("events by feed: %w", err)
		}
		out[feed] = n
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("events by feed: %w", err)
	}
	return out, nil
}
