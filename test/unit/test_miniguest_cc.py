#!/usr/bin/env python3
"""miniguest-cc's command line: what it refuses, with what message, and the
flags it passes on. Speaks TAP, one case per function below.

    test_miniguest_cc.py BUILD/miniguest/sdk/miniguest-cc
"""

import os
import subprocess
import sys
import tempfile


def run(cc, *args, cwd=None):
    p = subprocess.run([sys.executable, cc] + list(args), capture_output=True, text=True,
                       cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def case_no_input(cc, d):
    rc, out, err = run(cc, '-O2')
    return rc == 1 and 'no input files' in err, (rc, err)


def case_unknown_file(cc, d):
    rc, out, err = run(cc, os.path.join(d, 'notes.txt'))
    return rc == 1 and 'notes.txt: not a C or assembler file' in err, (rc, err)


def case_value_missing(cc, d):
    rc, out, err = run(cc, 'a.c', '-o')
    return rc == 1 and '-o needs a value' in err, (rc, err)


def case_c_with_o_and_two_sources(cc, d):
    rc, out, err = run(cc, '-c', '-o', 'x.o', 'a.c', 'b.c')
    return rc == 1 and '-c with -o takes one source file' in err, (rc, err)


def case_compile_error_is_the_compilers(cc, d):
    src = os.path.join(d, 'broken.c')
    with open(src, 'w') as f:
        f.write('int main(void) { return undeclared; }\n')
    rc, out, err = run(cc, '-c', src, '-o', os.path.join(d, 'broken.o'))
    return rc != 0 and 'undeclared' in err, (rc, err)


def case_defines_and_includes_reach_the_compiler(cc, d):
    os.makedirs(os.path.join(d, 'inc'), exist_ok=True)
    with open(os.path.join(d, 'inc', 'value.h'), 'w') as f:
        f.write('#define FROM_HEADER 2\n')
    src = os.path.join(d, 'ok.c')
    with open(src, 'w') as f:
        f.write('#include "value.h"\n#include <stdio.h>\n'
                '_Static_assert(FROM_FLAG + FROM_HEADER == 5, "flags");\n'
                'int f(void) { return printf("x"); }\n')
    rc, out, err = run(cc, '-c', '-I', os.path.join(d, 'inc'), '-DFROM_FLAG=3', '-O2', '-g',
                       src, '-o', os.path.join(d, 'ok.o'))
    return rc == 0 and os.path.isfile(os.path.join(d, 'ok.o')), (rc, err)


def case_help(cc, d):
    rc, out, err = run(cc, '--help')
    return rc == 0 and 'usage: miniguest-cc' in out, (rc, out)


def write_hello(d):
    src = os.path.join(d, 'hello.c')
    with open(src, 'w') as f:
        f.write('#include <stdio.h>\nint main(void) { return puts("hello") < 0; }\n')
    return src


def is_guest(path):
    with open(path, 'rb') as f:
        head = f.read(18)
    return head[:4] == b'\x7fELF' and head[16:18] == b'\x02\x00'


def case_obj_suffix_compiles_and_links(cc, d):
    obj = os.path.join(d, 'hello.obj')
    rc1, _, err1 = run(cc, '-c', '-o', obj, write_hello(d))
    rc2, _, err2 = run(cc, '-static', '-o', os.path.join(d, 'obj.elf'), obj)
    return (rc1 == rc2 == 0 and is_guest(os.path.join(d, 'obj.elf')), (rc1, err1, rc2, err2))


def case_object_known_by_content(cc, d):
    obj = os.path.join(d, 'hello-object')
    rc1, _, err1 = run(cc, '-c', '-o', obj, write_hello(d))
    rc2, _, err2 = run(cc, '-o', os.path.join(d, 'content.elf'), obj)
    return (rc1 == rc2 == 0 and is_guest(os.path.join(d, 'content.elf')), (rc1, err1, rc2, err2))


def case_shared_refused(cc, d):
    rc, out, err = run(cc, '-shared', '-o', os.path.join(d, 'libx.so'), write_hello(d))
    return rc == 1 and 'no shared libraries' in err, (rc, err)


def case_shared_library_input_refused(cc, d):
    lib = os.path.join(d, 'libx.so')
    open(lib, 'w').close()
    rc, out, err = run(cc, '-o', os.path.join(d, 'x.elf'), write_hello(d), lib)
    return rc == 1 and 'libx.so: a guest is one static program' in err, (rc, err)


def case_missing_input_named(cc, d):
    rc, out, err = run(cc, '-o', os.path.join(d, 'x.elf'), os.path.join(d, 'absent.bin'))
    return rc == 1 and 'absent.bin: No such file' in err, (rc, err)


def case_preprocess_stdin(cc, d):
    p = subprocess.run([sys.executable, cc, '-E', '-dM', '-'], input='', capture_output=True,
                       text=True)
    return p.returncode == 0 and '#define __miniguest__ 1' in p.stdout, (p.returncode, p.stderr)


def case_x_c_compiles_any_name(cc, d):
    src = os.path.join(d, 'code.txt')
    with open(src, 'w') as f:
        f.write('int f(void) { return 1; }\n')
    out = os.path.join(d, 'code.obj')
    rc, _, err = run(cc, '-x', 'c', '-c', src, '-o', out)
    return rc == 0 and os.path.isfile(out), (rc, err)


def case_dependency_file(cc, d):
    dep = os.path.join(d, 'hello.d')
    rc, _, err = run(cc, '-MD', '-MF', dep, '-MT', 'target.obj', '-c', write_hello(d), '-o',
                     os.path.join(d, 'dep.obj'))
    text = open(dep).read() if os.path.isfile(dep) else ''
    return rc == 0 and text.startswith('target.obj:') and 'stdio.h' in text, (rc, err, text)


def case_version_names_clang(cc, d):
    rc, out, err = run(cc, '--version')
    return rc == 0 and 'clang version' in out, (rc, out, err)


def case_print_libgcc_file_name(cc, d):
    rc, out, err = run(cc, '-print-libgcc-file-name')
    return rc == 0 and os.path.isfile(out.strip()), (rc, out, err)



def case_print_prog_name_ld_is_lld(cc, d):
    rc, out, err = run(cc, '-print-prog-name=ld')
    return rc == 0 and out.strip().endswith('ld.lld'), (rc, out, err)


CASES = [case_no_input, case_unknown_file, case_value_missing, case_c_with_o_and_two_sources,
         case_compile_error_is_the_compilers, case_defines_and_includes_reach_the_compiler,
         case_help, case_obj_suffix_compiles_and_links, case_object_known_by_content,
         case_shared_refused, case_shared_library_input_refused, case_missing_input_named,
         case_preprocess_stdin, case_x_c_compiles_any_name, case_dependency_file,
         case_version_names_clang, case_print_libgcc_file_name,
         case_print_prog_name_ld_is_lld]


def main(cc):
    print('1..%d' % len(CASES))
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'notes.txt'), 'w') as f:
            f.write('not code\n')
        for i, case in enumerate(CASES, 1):
            ok, detail = case(cc, d)
            print('%s %d - %s' % ('ok' if ok else 'not ok', i, case.__name__[5:]))
            if not ok:
                failed += 1
                print('# ' + repr(detail))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
