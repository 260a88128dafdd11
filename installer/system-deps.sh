#!/usr/bin/env bash
# The few Debian libraries that Qt's offscreen platform loads at run time, and that a
# bare Debian image may lack. Installs them only when missing and only as root; otherwise it
# says what to install and carries on (a developer may have them from elsewhere). The xcb
# plugin's own libraries are checked with ldd once PySide6 is installed: qt_xcb_deps.py.
set -u

# --- Secret Service for tests/storage/test_real_keyring.py (its own block) ---
# The wrapped key is tested in a real gnome-keyring on a private D-Bus session bus.
keyring_needed=()
command -v gnome-keyring-daemon >/dev/null || keyring_needed+=(gnome-keyring)
command -v dbus-daemon >/dev/null || keyring_needed+=(dbus-daemon)
[ -e /usr/share/dbus-1/session.conf ] || keyring_needed+=(dbus-session-bus-common)
if [ ${#keyring_needed[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing a Secret Service for the keyring test: ${keyring_needed[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${keyring_needed[@]}" >/dev/null
  else
    echo "note: the real-keyring test needs: sudo apt-get install -y --no-install-recommends ${keyring_needed[*]}" >&2
  fi
fi
# --- end of the Secret Service block ---

needed=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libEGL.so.1' || needed+=(libegl1)
have_lib 'libGL.so.1' || needed+=(libgl1)
have_lib 'libxkbcommon.so.0' || needed+=(libxkbcommon0)
have_lib 'libfontconfig.so.1' || needed+=(libfontconfig1)
have_lib 'libdbus-1.so.3' || needed+=(libdbus-1-3)
have_lib 'libglib-2.0.so.0' || needed+=(libglib2.0-0)
fc-list 2>/dev/null | grep -q . || needed+=(fonts-dejavu-core)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system libraries for Qt: ${needed[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
else
  echo "note: Qt may need these Debian packages: ${needed[*]} (sudo apt-get install ${needed[*]})" >&2
fi
exit 0
