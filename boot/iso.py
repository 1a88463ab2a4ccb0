"""Assembling a GRUB2 Multiboot2 ISO of the hypervisor and its guest modules.

An ISO is named by its inputs (kernel, command lines, module paths) or by a
name the caller gives, so tests that run one after another never share one;
it is rebuilt only when the contents of its files or its grub.cfg change.
"""

import hashlib
import os
import re
import shutil
import subprocess
import tempfile

BOOT_DIR = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(BOOT_DIR, 'grub.cfg.in')

# Characters GRUB's script parser takes literally in an unquoted word.
_SAFE_WORD = re.compile(r'^[A-Za-z0-9_@%+=:,./\-]+$')


class IsoError(Exception):
    pass


def grub_quote(word):
    """Quote one word for grub.cfg, the way sh would."""
    if _SAFE_WORD.match(word):
        return word
    return "'" + word.replace("'", "'\\''") + "'"


def grub_args(cmdline):
    return ' '.join(grub_quote(w) for w in cmdline.split())


def _with_space(args):
    return ' ' + args if args else ''


def render_config(hv_cmdline, modules):
    """grub.cfg text: modules is a list of (path, cmdline)."""
    with open(TEMPLATE) as f:
        template = ''.join(l for l in f if not l.startswith('#'))
    lines = []
    for i, (_, args) in enumerate(modules, 1):
        mod = '/boot/mod%d' % i
        load = 'module2 ' + mod + _with_space(grub_args(args))
        lines.append('\tif %s; then true; else ringlet_fail %s; fi' % (load, mod))
    text = template.replace(' @HV_CMDLINE@', _with_space(grub_args(hv_cmdline)))
    text = text.replace('@MODULES@\n', ''.join(l + '\n' for l in lines))
    return '# written by boot/mkiso from boot/grub.cfg.in\n' + text


def _content_digest(config, files):
    h = hashlib.sha256(config.encode())
    for path in files:
        h.update(b'\0' + path.encode() + b'\0')
        with open(path, 'rb') as f:
            for chunk in iter(lambda: f.read(1 << 20), b''):
                h.update(chunk)
    return h.hexdigest()


def build_iso(build_dir, kernel, hv_cmdline='', modules=(), name=None):
    """Build (or reuse) an ISO and return its path.

    kernel and module paths may be relative to the current directory;
    modules is a sequence of (path, module cmdline)."""
    kernel = os.path.abspath(kernel)
    modules = [(os.path.abspath(p), a) for p, a in modules]
    for path in [kernel] + [p for p, _ in modules]:
        if not os.path.isfile(path):
            raise IsoError('%s: no such file' % path)
    if name is None:
        key = repr((kernel, hv_cmdline, modules)).encode()
        name = 'run-' + hashlib.sha256(key).hexdigest()[:12]
    if not re.match(r'^[A-Za-z0-9_.+-]+$', name):
        raise IsoError('bad ISO name %r' % name)

    iso_dir = os.path.join(os.path.abspath(build_dir), 'iso')
    iso = os.path.join(iso_dir, name + '.iso')
    stamp = iso + '.inputs'
    config = render_config(hv_cmdline, modules)
    digest = _content_digest(config, [kernel] + [p for p, _ in modules])
    try:
        with open(stamp) as f:
            if f.read().strip() == digest and os.path.isfile(iso):
                return iso
    except OSError:
        pass

    root = os.path.join(iso_dir, name)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, 'boot', 'grub'))
    shutil.copyfile(kernel, os.path.join(root, 'boot', 'ringlet.elf'))
    for i, (path, _) in enumerate(modules, 1):
        shutil.copyfile(path, os.path.join(root, 'boot', 'mod%d' % i))
    with open(os.path.join(root, 'boot', 'grub', 'grub.cfg'), 'w') as f:
        f.write(config)

    tmp = iso + '.tmp'
    cmd = ['grub-mkrescue', '--locales=', '--themes=', '--fonts=',
           '-o', tmp, root]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, errors='replace')
    except FileNotFoundError:
        raise IsoError('grub-mkrescue is not installed (run boot/setup)')
    if proc.returncode != 0 or not os.path.isfile(tmp):
        raise IsoError('grub-mkrescue failed (status %d):\n%s'
                       % (proc.returncode, proc.stdout.rstrip()))
    os.replace(tmp, iso)
    with open(stamp, 'w') as f:
        f.write(digest + '\n')
    return iso
