/**
 * The launcher's configuration: one properties file ({@code --config}) for every process, each key
 * overridable by an environment variable ({@code vittne.database.password} by {@code
 * VITTNE_DATABASE_PASSWORD}), typed and validated by SmallRye Config. Every key is explained in
 * {@code deploy/config/vittne.properties}.
 */
package se.vittne.deploy.config;
