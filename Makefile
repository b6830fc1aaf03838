# Two entry points for a newcomer: `make run` and `make test`.
# Both install what is missing first (scripts/setup), then build with meson.

BUILD      ?= build
BUILD_SAN  ?= build-san
DATA       ?= data
HOST       ?= 127.0.0.1
PORT       ?= 8080

.PHONY: all setup build build-san run test bench clean

all: build

setup:
	@scripts/setup
	@scripts/vendor-web

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

$(BUILD_SAN)/build.ninja:
	meson setup $(BUILD_SAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

build: setup $(BUILD)/build.ninja
	ninja -C $(BUILD)

build-san: setup $(BUILD_SAN)/build.ninja
	ninja -C $(BUILD_SAN)

run: build
	@if [ ! -f $(DATA)/knooppunt.db ]; then \
		$(BUILD)/knooppunt demo --data $(DATA); \
	fi
	$(BUILD)/knooppunt serve --data $(DATA) --host $(HOST) --port $(PORT)

test: build build-san
	@scripts/run-tests $(BUILD) $(BUILD_SAN)

bench: build
	$(BUILD)/knooppunt bench match
	$(BUILD)/knooppunt bench import
	$(BUILD)/knooppunt bench match --volunteers 8000000 --sql-calls 5 \
		--proposal-calls 100000 --proposal-volunteers 1000000 \
		--proposal-orgs 500
	scripts/bench-hours $(BUILD)
	$(BUILD)/knooppunt bench reports
	scripts/bench-read-api $(BUILD)
	@KNOOPPUNT_BIN=$(BUILD)/knooppunt E2E_ONLY='cold page loads' node tests/e2e/run.mjs | \
		sed -n 's/^# \(page-load .*\)/\1/p'
	scripts/bench-slow-connections $(BUILD)
	scripts/bench-newsletter $(BUILD) --volunteers 10000

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
