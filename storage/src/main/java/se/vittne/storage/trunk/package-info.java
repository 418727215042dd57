/** PBX trunks: the only sources that may start recordings, each mapped to one tenant. */
package se.vittne.storage.trunk;
