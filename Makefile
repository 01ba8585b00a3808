# gongkai — the two commands a new user needs:
#   make demo   writes the bundled example's workbook, table PDF, whole document (PDF) and web page to out/, and bin/gongkai
#   make test   installs what the tests need and runs every test
GO      ?= go
EXAMPLE ?= examples/tianmen-12345-2023.json
OUT     ?= out

.PHONY: all build demo demo-web dist test deps deps-deb deps-js bench bench-batch bench-ledger compare fuzz font vet fmt clean testdata-pdf

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o bin/gongkai ./cmd/gongkai

demo: build
	./bin/gongkai export $(EXAMPLE) -o $(OUT)/ --format xlsx,pdf,doc,html

# The web page on this machine with the example already loaded: open the
# printed address in a browser (Ctrl+C stops it).
ADDR ?= 127.0.0.1:8080
demo-web: build
	./bin/gongkai serve --addr $(ADDR) --load $(EXAMPLE)

# Single-file builds for the machines finance offices use, into dist/:
# gongkai-windows-amd64.exe … gongkai-darwin-arm64. No cgo, so each runs
# with nothing installed; double-clicking one starts the web page.
DIST_TARGETS = windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/amd64 darwin/arm64
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
dist:
	@mkdir -p dist
	@for t in $(DIST_TARGETS); do \
	  os=$${t%/*}; arch=$${t#*/}; ext=""; [ "$$os" = windows ] && ext=.exe; \
	  out=dist/gongkai-$$os-$$arch$$ext; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $$out ./cmd/gongkai || exit 1; \
	  ls -l $$out | awk '{printf "%-36s %6.1f MB\n", $$NF, $$5/1048576}'; \
	done

# System packages some tests use: poppler-utils (pdftotext, pdffonts, pdftoppm),
# qpdf, fonts-wqy-microhei (to check that the embedded font is reproducible
# from Debian's file), chromium (the web page's end-to-end tests drive it
# headless), GNU parallel (the command of docs/batch.md) and GNU time (the peak
# RSS of bench/batch.sh). Installed with apt-get where the machine allows; the
# tests that need them skip with a message otherwise, and `make test` lists
# every skipped test at the end.
DEB_PACKAGES = pdftotext:poppler-utils pdffonts:poppler-utils qpdf:qpdf \
	/usr/share/fonts/truetype/wqy/wqy-microhei.ttc:fonts-wqy-microhei \
	chromium:chromium node:nodejs npm:npm parallel:parallel /usr/bin/time:time soffice:libreoffice-calc
# npm packages the tests use as second readers (ExcelJS opens the workbooks,
# Ajv strict checks the JSON Schema): pinned in tools/js/package-lock.json and
# installed into tools/js/node_modules, never globally.
deps: deps-deb deps-js
deps-js: deps-deb
	@if command -v npm >/dev/null 2>&1; then \
	  [ tools/js/node_modules/.package-lock.json -nt tools/js/package-lock.json ] || \
	    (cd tools/js && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null) || \
	    echo "could not install the npm packages of tools/js; the tests that need them will be skipped"; \
	else \
	  echo "missing: npm; the tests that use ExcelJS and Ajv will be skipped"; \
	fi
deps-deb:
	@missing=""; \
	for t in $(DEB_PACKAGES); do \
	  what=$${t%%:*}; pkg=$${t#*:}; \
	  case $$what in /*) [ -e $$what ] ;; *) command -v $$what >/dev/null 2>&1 ;; esac || \
	    case " $$missing " in *" $$pkg "*) ;; *) missing="$$missing $$pkg" ;; esac; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null 2>&1 \
	      || echo "could not install$$missing; the tests that need them will be skipped"; \
	  else \
	    echo "missing:$$missing (no apt-get as root); the tests that need them will be skipped"; \
	  fi; \
	fi

# Runs every test once (go test -json), prints go test's usual lines and the
# output of any failure, then lists the tests that skipped (and why), so that
# a missing tool never hides silently.
test: deps
	$(GO) vet ./...
	$(GO) build -o bin/testreport ./internal/testreport
	@bash -o pipefail -c '$(GO) test -json ./... | bin/testreport'

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The batch figures of the README: N generated departments through one
# 'gongkai batch -j 2' (departments a second, CPU a department, peak RSS).
N ?= 2000
bench-batch: deps
	N=$(N) GO=$(GO) sh bench/batch.sh

# The ledger figures of the README: gongkai build on a generated ledger of
# 100,000 lines as CSV, workbook and LibreOffice-saved workbook, and on a
# workbook unpacking to 348 MB (bench/ledger.sh; LEDGER_N=199990 at the limit).
LEDGER_N ?= 100000
bench-ledger:
	N=$(LEDGER_N) GO=$(GO) sh bench/ledger.sh

# LibreOffice headless converting the workbooks to PDF beside gongkai writing
# them (bench/compare.sh); LibreOffice is installed here, not for make test.
compare:
	@command -v soffice >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils bc) >/dev/null; \
	  else echo "compare needs LibreOffice (Debian: libreoffice-calc)"; exit 2; fi; }
	@command -v bc >/dev/null 2>&1 || (apt-get install -y -qq --no-install-recommends bc >/dev/null 2>&1 || true)
	N=$(or $(CN),20) GO=$(GO) sh bench/compare.sh

# Runs each of the four fuzz targets for FUZZTIME (so `make fuzz` takes about
# 4 × FUZZTIME); new failing inputs land in testdata/fuzz. Minimising a new
# input is capped at 3 s so that a run is not spent shrinking.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDisclosure -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./check
	$(GO) test -run '^$$' -fuzz FuzzRead  -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/jsonin
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/text
	$(GO) test -run '^$$' -fuzz FuzzHTML -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/published
	$(GO) test -run '^$$' -fuzz FuzzDOCX -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/published
	$(GO) test -run '^$$' -fuzz FuzzLayout -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/published
	$(GO) test -run '^$$' -fuzz FuzzRowReader -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./internal/xlsxzip
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./fonts
	$(GO) test -run '^$$' -fuzz FuzzRead  -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/xlsxin

# Rebuilds fonts/wqymicrohei/wqy-microhei-0.ttf from Debian's fonts-wqy-microhei
# (face 0 of its TTC) with our own extractor; the test checks the checksum.
font:
	@if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei) >/dev/null; \
	fi
	$(GO) run ./fonts/wqymicrohei/internal/gen
	$(GO) test -count=1 ./fonts/wqymicrohei

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin dist $(OUT)

# Regenerates the PDF and Word test files of importer/published the way real
# disclosures are made (LibreOffice from a .docx and from the official
# workbook, qpdf for the encrypted one). Not part of `make test`: the
# outputs are committed, and LibreOffice is about 220 MB installed.
testdata-pdf:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils qpdf) >/dev/null; \
	fi
	sh importer/published/testdata/make-testdata.sh
