package pipeline

// The order stage. Reads: coded Records in the order the workers finish
// them. Writes: the same Records in source order (Seq), cut into batches
// for the sink; skipped records ride along so they are reported in order.
// A batch is cut when it holds Config.Batch good records, after a record
// asking to Flush, and at the end; an Atomic run is one batch, dropped
// whole when a record of it is skipped.

func (r *run) order(coded <-chan *Record, batches chan<- []*Record) {
	defer close(batches)
	pending := map[int]*Record{}
	next := 0
	var batch []*Record
	good := 0
	send := func() {
		if len(batch) > 0 {
			batches <- batch
			batch, good = nil, 0
		}
	}
	for rec := range coded {
		pending[rec.Seq] = rec
		for {
			rec, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			r.release()
			batch = append(batch, rec)
			if r.cfg.Atomic {
				if rec.Err != nil && r.atomicErr == nil && !r.stopping(rec.Err) {
					r.atomicErr = rec.Err
					r.cancel(rec.Err) // nothing will be written: stop coding
				}
				continue
			}
			if rec.Err == nil {
				good++
			}
			if good >= r.cfg.Batch || rec.Flush {
				send()
			}
		}
	}
	if r.atomicErr != nil {
		for _, rec := range batch {
			r.drop(rec, r.atomicErr)
		}
		return
	}
	send()
}
