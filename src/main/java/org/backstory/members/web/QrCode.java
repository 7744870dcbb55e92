package org.backstory.members.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn here as SVG, for an {@code <img>} with a {@code data:} address: no
 * outside service sees the secret it carries, and the page needs no script or inline
 * style (the Content-Security-Policy allows {@code data:} images). One square per dark
 * module on a white ground with the standard four-module quiet zone.
 */
final class QrCode {

	private QrCode() {
	}

	/** {@code text} as a QR code, as a {@code data:image/svg+xml} address. */
	static String svgDataUri(String text) {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("too long for a QR code", ex);
		}
		StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(modules.getWidth())
			.append(' ')
			.append(modules.getHeight())
			.append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		svg.append("\"/></svg>");
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
	}

}
