# RedThread: the two quick-start commands and their helpers.
#   make demo   build, then run the pipeline on a fresh copy of the sample municipality (its
#               redthread.yaml names the shipped report template, so the run fills it too)
#   make test   build and run every test
# Both install the C libraries they need (pkg-config, libxml2-dev, libzip-dev) when missing.

SWIFT ?= swift
DEMO_DIR ?= demo
APT_PACKAGES = pkg-config libxml2-dev libzip-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test deps build release lint format clean fuzz harness

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product redthread

build: deps
	$(SWIFT) build

demo: release
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@cp -R samples/hofors/. $(DEMO_DIR)/
	@cp -R mappings $(DEMO_DIR)/mappings
	@mkdir -p $(DEMO_DIR)/mall && cp samples/templates/nämndrapport-mall.xlsx $(DEMO_DIR)/mall/
	@sed -i.bak 's|^report: { language: sv }|report: { language: sv, template: mall/nämndrapport-mall.xlsx }|' \
	  $(DEMO_DIR)/redthread.yaml && rm -f $(DEMO_DIR)/redthread.yaml.bak
	@.build/release/redthread run $(DEMO_DIR)

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

# The XLSX reader's libFuzzer harness (Tests/Fuzz): FUZZ_SECONDS of fuzzing, niced.
FUZZ_SECONDS ?= 60
fuzz: deps
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

# The crash-safety harness (Tests/Harness): HARNESS_CYCLES runs killed at random points, then
# two watches and a run on one inbox of HARNESS_FILES files (docs/operations.md).
HARNESS_CYCLES ?= 100
HARNESS_FILES ?= 200
harness: build
	python3 Tests/Harness/kill_harness.py kill --cycles $(HARNESS_CYCLES)
	python3 Tests/Harness/kill_harness.py three --files $(HARNESS_FILES)

clean:
	rm -rf .build $(DEMO_DIR)
