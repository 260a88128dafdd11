# Keukentafel: every target creates or reuses .venv and installs what it needs.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
INSTALLER_STAMP := $(VENV)/.installer-stamp
TS := resources/translations/keukentafel_nl.ts
QM := $(TS:.ts=.qm)

.PHONY: run test test-deep bench lint screenshots translations lupdate sysdeps clean installer installer-check

# Qt's xcb plugin needs system libraries the offscreen tests do not: checked with ldd here.
run: $(STAMP) translations
	$(BIN)/python installer/qt_xcb_deps.py
	$(BIN)/keukentafel demo

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The property and stateful tests (marked deep) again, looking much further, with fresh
# random examples each run: a red run prints its example to reproduce with.
test-deep: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen KEUKENTAFEL_TEST_DEPTH=deep $(BIN)/python -m pytest -m deep $(PYTEST_ARGS)

# The laptop bundle (dist/keukentafel/, one folder) from installer/keukentafel.spec, with
# PyInstaller from the `installer` extra; prints the bundle's size. Not part of `make test`:
# the build takes minutes, so `.ci/run` calls installer-check on its own.
installer: $(INSTALLER_STAMP) translations
	@# PyInstaller reads and strips libraries with binutils (objdump, strip).
	@command -v objdump >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq binutils >/dev/null; } || echo "note: sudo apt-get install binutils"
	$(BIN)/pyinstaller installer/keukentafel.spec --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller
	@$(BIN)/python installer/bundle_size.py dist/keukentafel

# Builds the bundle, then runs the bundle's own self-test offscreen (exit 0: all well).
installer-check: installer
	QT_QPA_PLATFORM=offscreen dist/keukentafel/keukentafel --self-test

# All suites (about 10 minutes); BENCH_ARGS=service runs one, BENCH_ARGS="--quick service" small.
bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check desktop sync storage tests bench installer

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop.screenshots docs/screenshots

# The .qm is built, never committed: lrelease turns the reviewed .ts into what the app loads.
translations: $(QM)

$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Re-scan the sources for tr() strings; translators then fill in the .ts.
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -extensions py desktop -ts $(TS)

$(STAMP): pyproject.toml
	@bash installer/system-deps.sh
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

$(INSTALLER_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[installer]'
	touch $(INSTALLER_STAMP)

sysdeps:
	bash installer/system-deps.sh

clean:
	rm -rf $(VENV) $(QM) .pytest_cache .hypothesis build dist
