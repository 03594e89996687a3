// Closing line in the plain "N passed, N failed" form, and a failed run whenever a test did not
// run to its end: a test that cannot run (missing browser, server down) must fail, never skip.
class SummaryReporter {
  constructor() {
    this.counts = { passed: 0, failed: 0, skipped: 0 };
  }
  onTestEnd(test, result) {
    for (const a of test.annotations.filter((x) => x.type.startsWith('axe'))) {
      console.log(`  ${a.type} [${test.parent.project()?.name}] ${test.title}: ${a.description}`);
    }
    // Count each test once, by its final outcome.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.counts.passed += 1;
    else if (result.status === 'skipped') this.counts.skipped += 1;
    else this.counts.failed += 1;
  }
  onEnd(result) {
    const { passed, failed, skipped } = this.counts;
    console.log(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    if (skipped > 0 || (passed === 0 && failed === 0) || result.status !== 'passed') {
      return { status: 'failed' };
    }
    return undefined;
  }
  printsToStdio() {
    return true;
  }
}
module.exports = SummaryReporter;
