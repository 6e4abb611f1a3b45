# Shared by the tests in tests/install: a failure says what and exits 1.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# A private temporary folder, removed when the test ends.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kindling-install-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
