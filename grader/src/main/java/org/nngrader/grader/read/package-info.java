/**
 * Reading what students hand in: answer sheets (xlsx, csv) and the folders and LMS bulk-download
 * zips they arrive in.
 *
 * <p>Entry points: {@link org.nngrader.grader.read.Submissions} enumerates the submissions under a
 * path lazily; {@link org.nngrader.grader.read.SheetReaders} chooses a {@link
 * org.nngrader.grader.read.SheetReader} by content and turns the bytes into an {@link
 * org.nngrader.grader.read.AnswerSheet}; {@link org.nngrader.grader.read.NumberForms} reads the
 * written answers as numbers; {@link org.nngrader.grader.read.StepIdMatcher} maps the step ids as
 * written to the canonical ids of the answer key. Readers never match step ids and never judge
 * answers: they keep every row as written and report odd rows as {@link
 * org.nngrader.grader.read.ReadProblem}s.
 */
package org.nngrader.grader.read;
