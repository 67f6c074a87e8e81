package dev.accesslink4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * A throwaway self-signed certificate for {@code localhost}, made by the JDK's own {@code keytool} (okhttp-tls, which
 * would make one in memory, is not a dependency), with an SSL context for a MockWebServer and an OkHttpClient that
 * trusts exactly that certificate.
 */
final class LocalTls {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private final SSLContext server;
  private final SSLContext client;
  private final X509TrustManager trustManager;

  private LocalTls(SSLContext server, SSLContext client, X509TrustManager trustManager) {
    this.server = server;
    this.client = client;
    this.trustManager = trustManager;
  }

  /** Generates the certificate into {@code dir} (about half a second). */
  static LocalTls create(Path dir)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path keyStore = dir.resolve("localhost.p12");
    Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            "localhost",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            keyStore.toString(),
            "-storepass",
            new String(PASSWORD),
            "-keypass",
            new String(PASSWORD))
        .redirectErrorStream(true)
        .start();
    byte[] output = keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException(
          "keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);

    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("localhost", keys.getCertificate("localhost"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    X509TrustManager trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
    return new LocalTls(server, client, trustManager);
  }

  /** For {@code MockWebServer.useHttps}. */
  javax.net.ssl.SSLSocketFactory serverSocketFactory() {
    return server.getSocketFactory();
  }

  /** An OkHttpClient that trusts the certificate, to hand to {@code AccessLinkBuilder.httpClient}. */
  OkHttpClient trustingClient() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(client.getSocketFactory(), trustManager)
        .build();
  }
}
