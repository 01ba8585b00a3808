# gongkai — the two commands a new user needs:
#   make demo   writes the bundled example's workbook and PDF to out/
#   make test   installs what the tests need and runs every test
GO      ?= go
EXAMPLE ?= examples/tianmen-12345-2023.json
OUT     ?= out

.PHONY: all build demo test deps bench fuzz font vet fmt clean

all: build

build:
	$(GO) build -o bin/gongkai ./cmd/gongkai

demo: build
	./bin/gongkai export $(EXAMPLE) -o $(OUT)/

# System tools some tests use (poppler-utils: pdftotext, pdffonts, pdftoppm;
# qpdf). Installed with apt-get where the machine allows; the tests that need
# them say so and skip when they are missing.
deps:
	@missing=""; \
	for t in pdftotext:poppler-utils pdffonts:poppler-utils qpdf:qpdf; do \
	  command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; \
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

test: deps
	$(GO) vet ./...
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Runs each fuzz target for FUZZTIME; new failing inputs land in testdata/fuzz.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRead  -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/jsonin
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./importer/text
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 3s ./fonts

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
	rm -rf bin $(OUT)
