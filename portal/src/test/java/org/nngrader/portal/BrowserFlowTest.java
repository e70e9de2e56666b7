package org.nngrader.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The student and staff flows in a real browser (Debian's chromium driven by chromedriver):
 * open the invite link, download the template, upload a filled sheet, read the report; sign
 * in as staff, read the dashboard, download an export. Skipped when chromium is missing on a
 * developer's machine; required when {@code CI=true} (.ci/run installs it).
 */
class BrowserFlowTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path downloads;
  static TestPortal portal;
  static ClassFixture fx;

  @BeforeAll
  static void start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("chromium or chromedriver is missing but CI=true; .ci/run installs them");
      }
      Assumptions.abort("chromium or chromedriver is missing: browser tests skipped");
    }
    fx = ClassFixture.get();
    portal = TestPortal.start(TestPortal.memoryH2("browser"), fx.set, PortalSettings.defaults());
    portal.addStaff("prof@example.edu", "instructor", "prof-password-1");
  }

  @AfterAll
  static void stop() {
    if (portal != null) {
      portal.close();
    }
  }

  private static WebDriver browser(Path downloadFolder) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloadFolder.toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static Path waitForFile(WebDriver driver, Path file) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(file) && size(file) > 0);
    return file;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Test
  void aStudentOpensTheLinkDownloadsTheTemplateUploadsAndReadsTheReport() throws Exception {
    Path mine = Files.createDirectories(downloads.resolve("student"));
    WebDriver driver = browser(mine);
    try {
      driver.get("http://127.0.0.1:" + portal.port() + portal.invite("p050"));
      assertThat(driver.findElement(By.id("student-id")).getText()).isEqualTo("p050");
      driver.findElement(By.id("template-xlsx")).click();
      Path template = waitForFile(driver, mine.resolve("answers.xlsx"));
      assertThat(Files.readAllBytes(template)).isEqualTo(Files.readAllBytes(fx.set.resolve("handout/p050/answers.xlsx")));

      driver.findElement(By.id("sheet")).sendKeys(fx.sheet("p050").toAbsolutePath().toString());
      driver.findElement(By.id("upload")).click();
      new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/student/attempts/"));
      String expected = fx.expectedScore.get("p050");
      String page = driver.getPageSource();
      Store.AttemptRow row = portal.store.attempts("p050").get(0);
      assertThat(row.status()).isEqualTo(expected.isEmpty() ? "failed" : "graded");
      assertThat(driver.findElement(By.tagName("body")).getText()).contains(fx.expectedScore.get("p050").isEmpty()
          ? "could not be graded" : ClassResults.trim(row.score()));
      assertThat(page).doesNotContain("p051");

      driver.findElement(By.id("back")).click();
      assertThat(driver.findElement(By.id("attempts")).getText()).contains(fx.sheet("p050").getFileName().toString());
    } finally {
      driver.quit();
    }
  }

  @Test
  void staffSignInReadTheDashboardAndDownloadAnExport() throws Exception {
    Path mine = Files.createDirectories(downloads.resolve("staff"));
    WebDriver driver = browser(mine);
    try {
      driver.get("http://127.0.0.1:" + portal.port() + "/staff/login");
      driver.findElement(By.id("email")).sendKeys("prof@example.edu");
      driver.findElement(By.id("password")).sendKeys("prof-password-1");
      driver.findElement(By.id("sign-in")).click();
      new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/staff"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Class dashboard");
      assertThat(driver.findElement(By.id("students")).getText()).contains("p001").contains("p100");
      driver.findElement(By.id("export-canvas")).click();
      Path canvas = waitForFile(driver, mine.resolve("canvas.csv"));
      assertThat(Files.readString(canvas)).startsWith("Student,ID,SIS User ID,SIS Login ID,Section,nngrader");
      driver.findElement(By.id("summary-link")).click();
      assertThat(driver.getTitle()).startsWith("Class summary");
    } finally {
      driver.quit();
    }
  }
}
