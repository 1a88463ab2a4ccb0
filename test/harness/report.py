"""The end of a run: the summary line and, when asked, JUnit XML."""

import os
import xml.etree.ElementTree as ET

from .result import FAIL, PASS, SKIP

OUTPUT_LIMIT = 64 << 10     # characters of output kept per JUnit test case


def summary(results):
    passed = sum(r.outcome == PASS for r in results)
    failed = sum(r.outcome == FAIL for r in results)
    skipped = sum(r.outcome == SKIP for r in results)
    line = '%d passed, %d failed' % (passed, failed)
    if skipped:
        line += ', %d skipped' % skipped
    return line


def write_junit(path, results):
    """One <testsuite> per group (the name up to its last '/')."""
    suites = {}
    for r in results:
        group, _, _ = r.name.rpartition('/')
        suites.setdefault(group or 'ringlet', []).append(r)
    root = ET.Element('testsuites', name='ringlet', tests=str(len(results)),
                      failures=str(sum(r.outcome == FAIL for r in results)),
                      skipped=str(sum(r.outcome == SKIP for r in results)))
    for group, members in suites.items():
        suite = ET.SubElement(root, 'testsuite', name=group, tests=str(len(members)),
                              failures=str(sum(r.outcome == FAIL for r in members)),
                              skipped=str(sum(r.outcome == SKIP for r in members)),
                              time='%.3f' % sum(r.seconds for r in members))
        for r in members:
            case = ET.SubElement(suite, 'testcase', classname=group.replace('/', '.'),
                                 name=r.name.rpartition('/')[2], time='%.3f' % r.seconds)
            if r.outcome == FAIL:
                fail = ET.SubElement(case, 'failure', message=_clean(r.reason))
                fail.text = _clean('\n'.join(r.details))
            elif r.outcome == SKIP:
                ET.SubElement(case, 'skipped', message=_clean(r.reason))
            if r.outcome == FAIL and r.output:
                out = ET.SubElement(case, 'system-out')
                text = r.output
                if len(text) > OUTPUT_LIMIT:
                    text = '[... %d characters cut ...]\n' % (len(text) - OUTPUT_LIMIT) + \
                        text[-OUTPUT_LIMIT:]
                out.text = _clean(text)
    ET.indent(root)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    ET.ElementTree(root).write(path, encoding='utf-8', xml_declaration=True)


def _clean(text):
    """XML 1.0 cannot carry most control characters; serial logs can."""
    return ''.join(c if c in '\t\n\r' or ord(c) >= 0x20 else '\\x%02x' % ord(c)
                   for c in text)
