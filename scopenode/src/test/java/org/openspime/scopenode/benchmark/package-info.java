/** Benchmark mains (run by hand, not by the test suite); see docs/scopenode.md for how. */
package org.openspime.scopenode.benchmark;
